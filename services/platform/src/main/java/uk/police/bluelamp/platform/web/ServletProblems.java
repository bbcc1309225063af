package uk.police.bluelamp.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Refusals written where Spring MVC (and Spring Security's header writers) do not answer: in a
 * servlet filter, on the error page, or in the container itself. So the headers that keep a
 * browser from rendering, framing or leaking them are set here, the same as on the app's own
 * answers. Only field names are taken from the request; titles and details are ours.
 */
public final class ServletProblems {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private ServletProblems() {}

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        send(response, false, false, status, title, detail, List.of());
    }

    /** As {@link #write(HttpServletResponse, int, String, String)}, as a plain page to a browser that asks for HTML. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        send(response, request.isSecure(), wantsHtml(request.getHeader("Accept")), status, title, detail, List.of());
    }

    /** A 400 naming each field that was refused (the shape every field-level refusal of the API has). */
    public static void fieldErrors(HttpServletRequest request, HttpServletResponse response, List<FieldError> errors)
            throws IOException {
        send(
                response,
                request.isSecure(),
                wantsHtml(request.getHeader("Accept")),
                400,
                Problems.FIELD_TITLE,
                null,
                errors);
    }

    private static void send(
            HttpServletResponse response,
            boolean secure,
            boolean html,
            int status,
            String title,
            String detail,
            List<FieldError> errors)
            throws IOException {
        response.setStatus(status);
        securityHeaders(response, secure);
        response.setContentType(html ? "text/html" : "application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html ? html(title, detail, errors) : json(status, title, detail, errors));
    }

    /** The headers Spring Security adds to the app's own answers (SecurityConfiguration), for a page that is only text. */
    public static void securityHeaders(HttpServletResponse response, boolean secure) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }

    /** A browser navigating asks for HTML first; the app's own fetches ask for JSON or anything. */
    public static boolean wantsHtml(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    public static String json(int status, String title, String detail, List<FieldError> errors) {
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"status\":")
                .append(status)
                .append(",\"title\":\"")
                .append(jsonEscaped(title))
                .append('"');
        if (detail != null) {
            json.append(",\"detail\":\"").append(jsonEscaped(detail)).append('"');
        }
        if (!errors.isEmpty()) {
            json.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"field\":\"")
                        .append(jsonEscaped(errors.get(i).field()))
                        .append("\",\"message\":\"")
                        .append(jsonEscaped(errors.get(i).message()))
                        .append("\"}");
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    public static String html(String title, String detail, List<FieldError> errors) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(htmlEscaped(title))
                .append(" – Blue Lamp</title></head><body><h1>")
                .append(htmlEscaped(title))
                .append("</h1>");
        if (detail != null) {
            html.append("<p>").append(htmlEscaped(detail)).append("</p>");
        }
        if (!errors.isEmpty()) {
            html.append("<ul>");
            errors.forEach(e -> html.append("<li>")
                    .append(htmlEscaped(e.field()))
                    .append(": ")
                    .append(htmlEscaped(e.message()))
                    .append("</li>"));
            html.append("</ul>");
        }
        return html.append("</body></html>").toString();
    }

    private static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20
                    || c == '<'
                    || c == '>'
                    || c == '&'
                    || c == '\u2028'
                    || c == '\u2029'
                    || c >= 0x7F && c <= 0x9F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
