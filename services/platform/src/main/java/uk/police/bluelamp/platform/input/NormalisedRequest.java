package uk.police.bluelamp.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request whose parameters and headers read as the input policy accepted them: in NFC. */
final class NormalisedRequest extends HttpServletRequestWrapper {

    /** By lower-case name; null when the request's own headers were already in NFC. */
    private final Map<String, List<String>> headers;
    /** Null when the request's own parameters were already in NFC. */
    private final Map<String, String[]> parameters;

    NormalisedRequest(HttpServletRequest request, Map<String, List<String>> headers, Map<String, String[]> parameters) {
        super(request);
        this.headers = headers;
        this.parameters = parameters == null ? null : Collections.unmodifiableMap(parameters);
    }

    @Override
    public String getHeader(String name) {
        if (headers == null) {
            return super.getHeader(name);
        }
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (headers == null) {
            return super.getHeaders(name);
        }
        return Collections.enumeration(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public String getParameter(String name) {
        if (parameters == null) {
            return super.getParameter(name);
        }
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        if (parameters == null) {
            return super.getParameterValues(name);
        }
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters == null ? super.getParameterMap() : parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
    }
}
