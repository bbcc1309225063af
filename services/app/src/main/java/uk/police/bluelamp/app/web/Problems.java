package uk.police.bluelamp.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refusals written before Spring MVC (and Spring Security's header writers) see the request,
 * so the headers that keep a browser from rendering them as anything but JSON are set here.
 * The text is ours alone: nothing the client sent is echoed back.
 */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
