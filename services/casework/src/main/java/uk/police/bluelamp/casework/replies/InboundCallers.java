package uk.police.bluelamp.casework.replies;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.police.bluelamp.platform.web.ServletProblems;

/**
 * The providers' webhooks answer only their caller: the secret is checked before the body is
 * read, so a stranger's request is a 401 whatever it holds, and nothing is parsed or stored.
 * Compared in constant time, and never logged.
 */
@Configuration(proxyBeanMethods = false)
class InboundCallers implements WebMvcConfigurer {

    static final String SMS_PATH = "/api/v1/inbound/text-messages";
    static final String EMAIL_PATH = "/api/v1/inbound/emails";

    private final ReplySettings settings;

    InboundCallers(ReplySettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Caller(settings.smsToken(), false)).addPathPatterns(SMS_PATH);
        registry.addInterceptor(new Caller(settings.emailToken(), true)).addPathPatterns(EMAIL_PATH);
    }

    private record Caller(String secret, boolean basicToo) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            if (presented(request.getHeader("Authorization"), secret, basicToo)) {
                return true;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            ServletProblems.write(response, 401, "Unauthorised", "This endpoint answers only its provider.");
            return false;
        }
    }

    /** Bearer &lt;secret&gt;, or where allowed Basic with the secret as the password (any user name). */
    static boolean presented(String authorization, String secret, boolean basicToo) {
        if (secret == null || secret.isBlank() || authorization == null) {
            return false;
        }
        String offered = null;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            offered = authorization.substring(7).strip();
        } else if (basicToo && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                offered = colon < 0 ? null : pair.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return offered != null
                && MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }
}
