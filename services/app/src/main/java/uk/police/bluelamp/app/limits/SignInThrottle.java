package uk.police.bluelamp.app.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.platform.client.ClientAddress;
import uk.police.bluelamp.platform.web.ServletProblems;

/**
 * Slows down the demo's password form per client address (every attempt counts) and per
 * username (failures count; a success gives its attempt back). It sits in the authentication
 * itself, as a provider consulted before the password check, so it counts exactly the attempts
 * that are made, however the form's URL was spelled. Not a bean of type AuthenticationProvider:
 * one of those would replace the password check Spring Security builds from the accounts.
 */
@Component
public class SignInThrottle {

    private final RateLimits limits;

    SignInThrottle(RateLimits limits) {
        this.limits = limits;
    }

    /** Answers before the password is checked: a refusal, or null to let the password check decide. */
    public AuthenticationProvider beforePasswordCheck() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String client = attempt.getDetails() instanceof WebAuthenticationDetails web
                        ? ClientAddress.of(web.getRemoteAddress())
                        : "unknown";
                Optional<Duration> wait = limits.takeSignIn(client, username(attempt));
                if (wait.isPresent()) {
                    throw new Held(wait.get());
                }
                return null;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    public AuthenticationSuccessHandler onSuccess(AuthenticationSuccessHandler signedIn) {
        return (request, response, authentication) -> {
            limits.giveBackSignIn(username(authentication));
            signedIn.onAuthenticationSuccess(request, response, authentication);
        };
    }

    public AuthenticationFailureHandler onFailure(AuthenticationFailureHandler refused) {
        return (request, response, exception) -> {
            if (exception instanceof Held held) {
                long seconds = Math.max(1, (held.wait.toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                ServletProblems.write(
                        response,
                        429,
                        "Too many requests",
                        "Too many sign-in attempts. Try again in " + RateLimitFilter.inWords(seconds) + ".");
                return;
            }
            refused.onAuthenticationFailure(request, response, exception);
        };
    }

    /** As the account store compares them: "Handler" is the handler. */
    private static String username(Authentication authentication) {
        String name = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** A locked-account kind of refusal, so the provider manager stops at it rather than trying the password. */
    private static final class Held extends LockedException {

        private final transient Duration wait;

        Held(Duration wait) {
            super("Too many sign-in attempts");
            this.wait = wait;
        }
    }
}
