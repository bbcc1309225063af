package uk.police.bluelamp.app.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.police.bluelamp.platform.correlation.Correlation;

/**
 * Gives every HTTP request a correlation id before anything else runs, so every line it logs
 * carries it, and the commands it sends pass it on to their events. A proxy's request id
 * (X-Correlation-Id; nginx's $request_id fits) is kept when it looks like one, so the proxy's
 * access log and ours agree; anything else is replaced. The id goes back in the response.
 */
class CorrelatedRequests extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    /** Letters, digits and hyphens only: nothing that could mislead a log reader or a search. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9-]{16,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        try (Correlation.Scope scope = Correlation.open(id)) {
            chain.doFilter(request, response);
        }
    }

    /** Error dispatches and async completions log for the same request. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
