package uk.police.bluelamp.app;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.Set;

/** What a browser running the single-page app does: every state-changing request echoes the XSRF-TOKEN cookie (__Host-XSRF-TOKEN behind HTTPS). */
final class CsrfToken {

    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CsrfToken() {}

    static boolean needed(HttpRequest request) {
        return !SAFE.contains(request.method())
                && request.headers().firstValue(HEADER).isEmpty();
    }

    static HttpRequest added(HttpRequest request, String token) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header(HEADER, token)
                .build();
    }

    static Optional<String> in(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN") || c.getName().equals("__Host-XSRF-TOKEN"))
                .findFirst()
                .map(HttpCookie::getValue);
    }
}
