package uk.police.bluelamp.app.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/** Which rate-limited group a public request belongs to, and the reference it names, if any. */
record PublicEndpoint(String group, String reference) {

    private record Route(String method, Pattern path, String group) {
    }

    private static final String ID = "([^/;]{1,200})";
    private static final List<Route> ROUTES = List.of(
            new Route("POST", Pattern.compile("/api/v1/reports"), "report"),
            new Route("POST", Pattern.compile("/api/v1/chats"), "chat-start"),
            new Route("GET", Pattern.compile("/api/v1/chats/" + ID), "chat"),
            new Route("POST", Pattern.compile("/api/v1/chats/" + ID + "/(?:messages|end)"), "chat"),
            new Route("POST", Pattern.compile("/api/v1/callbacks"), "callback"),
            new Route("GET", Pattern.compile("/api/v1/cases/" + ID + "/tracking"), "tracking"),
            new Route("PUT", Pattern.compile("/api/v1/cases/" + ID + "/update-preference"), "tracking"),
            new Route("POST", Pattern.compile("/api/v1/cases/" + ID + "/messages"), "tracking"));

    static Optional<PublicEndpoint> of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Route route : ROUTES) {
            if (!route.method().equalsIgnoreCase(request.getMethod())) {
                continue;
            }
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches()) {
                // The tracking controller upper-cases references: "bl-1" and "BL-1" share a bucket.
                String reference = matcher.groupCount() == 0 ? null : decoded(matcher.group(1)).strip().toUpperCase(Locale.ROOT);
                return Optional.of(new PublicEndpoint(route.group(), reference));
            }
        }
        return Optional.empty();
    }

    /** "BL%2D1" is "BL-1": an encoded variant must not earn a fresh bucket. */
    private static String decoded(String segment) {
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
