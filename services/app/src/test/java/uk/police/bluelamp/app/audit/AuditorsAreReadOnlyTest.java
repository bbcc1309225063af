package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.police.bluelamp.app.StaffSession;

/**
 * Every write endpoint the running application has, taken from its own route list, refuses a
 * signed-in auditor: a new endpoint is covered without anyone remembering to add it here.
 */
class AuditorsAreReadOnlyTest extends AuditSupport {

    /**
     * Rebuilding a read model derives it again from the log and changes no record; stopping a
     * rebuild leaves the live read model as it was.
     */
    private static final Set<String> AUDITORS_MAY =
            Set.of("POST /api/v1/audit/replays", "POST /api/v1/audit/replays/{id}/cancel", "POST /api/v1/staff/logout");

    private static final Set<RequestMethod> WRITES =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void everyWriteEndpointRefusesAnAuditor() {
        StaffSession auditor = auditor();
        List<String> writes = new ArrayList<>();
        routes.getHandlerMethods()
                .keySet()
                .forEach(mapping -> mapping.getMethodsCondition().getMethods().stream()
                        .filter(WRITES::contains)
                        .forEach(method ->
                                mapping.getPatternValues().forEach(pattern -> writes.add(method + " " + pattern))));
        assertThat(writes).as("the route list").hasSizeGreaterThan(25).contains("POST /api/v1/reports");

        List<String> allowed = new ArrayList<>();
        for (String write : writes) {
            if (AUDITORS_MAY.contains(write)) {
                continue;
            }
            String method = write.substring(0, write.indexOf(' '));
            String path = write.substring(write.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            int status = auditor.send(HttpRequest.newBuilder(auditor.uri(path))
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", auditor.csrfToken())
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                            .build())
                    .statusCode();
            if (status != 403) {
                allowed.add(write + " -> " + status);
            }
        }
        assertThat(allowed).as("write endpoints an auditor was not refused").isEmpty();
    }
}
