package uk.police.bluelamp.app.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Which limited route a request will reach, answered by Spring MVC's own handler mappings rather
 * than by matching the raw URI: "/api/v1/%72eports" reaches the report controller, so it is a
 * report, and a spelling MVC does not route ("//", a trailing slash, another case) reaches no
 * controller and costs nothing. The reference comes from the route's decoded URI variables.
 */
@Component
class LimitedRoutes implements SmartInitializingSingleton {

    private record Route(String pattern, String group, String referenceVariable) {}

    private static final List<Route> ROUTES = List.of(
            new Route("/api/v1/reports", "report", null),
            new Route("/api/v1/chats", "chat-start", null),
            new Route("/api/v1/chats/{contactId}", "chat", "contactId"),
            new Route("/api/v1/chats/{contactId}/messages", "chat", "contactId"),
            new Route("/api/v1/chats/{contactId}/end", "chat", "contactId"),
            new Route("/api/v1/chats/{contactId}/transcript", "chat", "contactId"),
            new Route("/api/v1/chats/{contactId}/evidence", "evidence", null),
            new Route("/api/v1/chats/{contactId}/evidence/{evidenceId}", "chat", "contactId"),
            new Route("/api/v1/callbacks", "callback", null),
            new Route("/api/v1/cases/{reference}/tracking", "tracking", "reference"),
            new Route("/api/v1/cases/{reference}/update-preference", "tracking", "reference"),
            new Route("/api/v1/cases/{reference}/messages", "tracking", "reference"),
            new Route("/api/v1/cases/{reference}/send-code", "tracking", "reference"),
            new Route("/api/v1/cases/{reference}/victim-support", "tracking", "reference"),
            new Route("/api/v1/cases/{reference}/satisfaction", "tracking", "reference"),
            new Route("/api/v1/signposts", "signpost", null),
            new Route("/api/v1/cases/{reference}/evidence", "evidence", null),
            new Route("/api/v1/cti/{token}", "cti", null),
            new Route("/api/v1/public/figures", "figures", null),
            // The pages ask once per visit: the public figures' generous budget serves it too.
            new Route("/api/v1/public/contact-routes", "figures", null),
            new Route("/api/v1/inbound/text-messages", "inbound-sms", null),
            new Route("/api/v1/inbound/emails", "inbound-email", null));

    /**
     * Where a file's bytes are the body: streamed by the evidence store against its own limit
     * (bluelamp.evidence.max-file-size), not read into memory against the body ceiling.
     */
    private static final Set<String> UPLOADS = Set.of(
            "/api/v1/chats/{contactId}/evidence",
            "/api/v1/cases/{reference}/evidence",
            "/api/v1/staff/contacts/{contactId}/chat/evidence");

    private static final Map<String, Route> BY_PATTERN =
            ROUTES.stream().collect(Collectors.toMap(Route::pattern, route -> route));

    private final HandlerMappingIntrospector mvc;

    LimitedRoutes(HandlerMappingIntrospector mvc) {
        this.mvc = mvc;
    }

    Optional<PublicEndpoint> of(HttpServletRequest request) {
        Probe probe = new Probe(request);
        return pattern(probe)
                .map(BY_PATTERN::get)
                .map(route -> new PublicEndpoint(route.group(), reference(route, probe)));
    }

    /** Whether the request will reach an upload, whose body is the file. */
    boolean isUpload(HttpServletRequest request) {
        return pattern(new Probe(request)).filter(UPLOADS::contains).isPresent();
    }

    /** The mapped pattern the request will be dispatched to, if any. */
    private Optional<Object> pattern(Probe probe) {
        for (HandlerMapping mapping : mvc.getHandlerMappings()) {
            HandlerExecutionChain handler;
            try {
                ServletRequestPathUtils.parseAndCache(probe);
                handler = mapping.getHandler(probe);
            } catch (Exception refused) {
                // MVC refuses it itself (405, 415, 406, a path it cannot parse): no controller runs.
                return Optional.empty();
            }
            if (handler != null) {
                return Optional.ofNullable(probe.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
            }
        }
        return Optional.empty();
    }

    /** The controllers upper-case references: "bl-1" and "BL-1" share a bucket. */
    private static String reference(Route route, HttpServletRequest probe) {
        if (route.referenceVariable() == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) probe.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String value = variables == null ? null : variables.get(route.referenceVariable());
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    static List<String> patterns() {
        return ROUTES.stream().map(Route::pattern).toList();
    }

    /** A route renamed in a controller must not silently lose its limit: the app does not start. */
    @Override
    public void afterSingletonsInstantiated() {
        Set<String> mapped = new HashSet<>();
        for (HandlerMapping mapping : mvc.getHandlerMappings()) {
            if (mapping instanceof RequestMappingInfoHandlerMapping requestMappings) {
                requestMappings.getHandlerMethods().keySet().forEach(info -> mapped.addAll(info.getPatternValues()));
            }
        }
        List<String> missing = java.util.stream.Stream.concat(ROUTES.stream().map(Route::pattern), UPLOADS.stream())
                .filter(pattern -> !mapped.contains(pattern))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Rate-limited routes no controller maps: " + missing);
        }
    }

    /**
     * The request as the handler mappings see it, with what they record about the match kept
     * here: the dispatcher will match again for real, on a request nothing was written to.
     */
    private static final class Probe extends HttpServletRequestWrapper {

        private static final Object REMOVED = new Object();
        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            Object local = attributes.get(name);
            if (local == REMOVED) {
                return null;
            }
            return local != null ? local : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            attributes.forEach((name, value) -> {
                if (value == REMOVED) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value == null ? REMOVED : value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, REMOVED);
        }
    }
}
