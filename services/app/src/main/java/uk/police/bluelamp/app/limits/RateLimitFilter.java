package uk.police.bluelamp.app.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.police.bluelamp.platform.client.ClientAddress;
import uk.police.bluelamp.platform.refusals.Refusals;
import uk.police.bluelamp.platform.web.ServletProblems;

/** Answers 429 with Retry-After (whole seconds, rounded up) once a client or reference has used its allowance. */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    /** Found once, on the first request: resolving it through the bean factory on each cost more than the filter. */
    private final Supplier<LimitedRoutes> routes;

    private final Refusals refusals;

    /** The routes are looked up when the first request comes: MVC's mappings do not exist yet when filters are made. */
    RateLimitFilter(RateLimits limits, ObjectProvider<LimitedRoutes> routes, Refusals refusals) {
        this.limits = limits;
        this.routes = SingletonSupplier.of(routes::getObject);
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<PublicEndpoint> endpoint = routes.get().of(request);
        Optional<Duration> wait = endpoint.flatMap(e -> limits.take(e, ClientAddress.of(request)));
        if (wait.isPresent()) {
            refusals.refused("HTTP requests", "over a rate limit");
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ServletProblems.write(
                    response, 429, "Too many requests", "Too many requests. Try again in " + inWords(seconds) + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
