package uk.police.bluelamp.platform.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import uk.police.bluelamp.platform.refusals.Refusals;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.ServletProblems;

/**
 * The input policy for everything of a request but its body: the decoded path, every header,
 * and every query or form parameter (names and values), all single-line. A refusal is a 400
 * naming each field, before Spring Security or any controller sees the request; an accepted
 * request goes on with its parameters and headers in NFC.
 */
class EdgeFilter extends OncePerRequestFilter {

    /** Set by Tomcat when it skipped a parameter it could not decode (Globals.PARAMETER_PARSE_FAILED_ATTR). */
    static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";
    /** What Tomcat decodes bytes that are not UTF-8 to, in a parameter: taken as the undecodable input it stands for. */
    static final char REPLACED = '\uFFFD';
    /**
     * Spring Security's firewall allows these alone; refused here, another (TRACE above all)
     * would reach the error page, which the servlet answers for TRACE with its own echo.
     */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    static final String REFUSED = "HTTP requests";

    private final Refusals refusals;

    EdgeFilter(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            refusals.refused(REFUSED, "with a method we do not take");
            response.setHeader("Allow", String.join(", ", METHODS));
            ServletProblems.write(
                    request, response, 405, "Method Not Allowed", "This address does not accept that kind of request.");
            return;
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        check(path, "path", "path", errors);
        Map<String, List<String>> headers = headers(request, errors);
        checkOrigin(request.getHeader("Origin"), errors);
        Map<String, String[]> parameters = parameters(request, errors);
        if (!errors.isEmpty()) {
            refusals.refused(REFUSED, "refused by the input policy");
            ServletProblems.fieldErrors(request, response, List.copyOf(errors.values()));
            return;
        }
        chain.doFilter(
                headers == null && parameters == null ? request : new NormalisedRequest(request, headers, parameters),
                response);
    }

    /** Every header, or null when all were in NFC already. */
    private static Map<String, List<String>> headers(HttpServletRequest request, Map<String, FieldError> errors) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        boolean changed = false;
        for (String name : Collections.list(request.getHeaderNames())) {
            String field = FieldNames.shown(FieldNames.header(name), "headers");
            check(name, field, "headers", errors);
            List<String> values = new ArrayList<>();
            for (String value : Collections.list(request.getHeaders(name))) {
                String accepted = check(value, field, field, errors);
                changed |= !accepted.equals(value);
                values.add(accepted);
            }
            headers.put(name.toLowerCase(Locale.ROOT), values);
        }
        return changed ? headers : null;
    }

    /** Every parameter, or null when all were in NFC already. */
    private static Map<String, String[]> parameters(HttpServletRequest request, Map<String, FieldError> errors) {
        Map<String, String[]> given;
        try {
            given = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            errors.put("query", new FieldError("query", QueryStrings.UNREADABLE));
            return null;
        }
        if (request.getAttribute(PARSE_FAILED) != null) {
            String field =
                    QueryStrings.firstUndecodable(request.getQueryString()).orElse("body");
            errors.putIfAbsent(field, new FieldError(field, QueryStrings.UNREADABLE));
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, String[]> parameter : given.entrySet()) {
            String name = check(parameter.getKey(), FieldNames.shown(parameter.getKey(), "query"), "query", errors);
            String field = FieldNames.shown(name, "query");
            String[] values = new String[parameter.getValue().length];
            for (int i = 0; i < values.length; i++) {
                if (name.indexOf(REPLACED) >= 0 || parameter.getValue()[i].indexOf(REPLACED) >= 0) {
                    errors.putIfAbsent(field, new FieldError(field, QueryStrings.UNREADABLE));
                }
                values[i] = check(parameter.getValue()[i], field, field, errors);
                changed |= !values[i].equals(parameter.getValue()[i]);
            }
            changed |= !name.equals(parameter.getKey());
            parameters.put(name, values);
        }
        return changed ? parameters : null;
    }

    /**
     * Spring's handshake compares the Origin with the request's own: an Origin its URI parser
     * cannot read was a 500 there, so it is refused here as what it is, a malformed header.
     */
    private static void checkOrigin(String origin, Map<String, FieldError> errors) {
        if (origin == null || origin.equals("null") || errors.containsKey("Origin")) {
            return;
        }
        boolean readable;
        try {
            UriComponents uri = UriComponentsBuilder.fromUriString(origin).build();
            readable = uri.getScheme() != null && uri.getHost() != null && uri.getPort() >= -1;
        } catch (RuntimeException unreadable) {
            readable = false;
        }
        if (!readable) {
            errors.put(
                    "Origin",
                    new FieldError("Origin", "Origin must be a scheme, host and port, like https://example.org"));
        }
    }

    /** The text in NFC; a refusal is noted against the field (once per field). */
    private static String check(String text, String field, String key, Map<String, FieldError> errors) {
        InputPolicy.Problem problem = InputPolicy.problemIn(text, false);
        if (problem != null) {
            errors.putIfAbsent(key, new FieldError(field, problem.message()));
            return text;
        }
        return InputPolicy.normalised(text);
    }
}
