package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/** A reported case, and staff sessions that look at it the way the audit screens do. */
abstract class AuditSupport extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    StaffSession handler() {
        return StaffSession.signedIn(port, "handler", "blue-lamp-handler");
    }

    StaffSession auditor() {
        return StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
    }

    /** A web report, visible on the handler's case view; returns its case reference. */
    String reportedCase(StaffSession handler) {
        Api.Response created = api().report(Api.validReport());
        assertThat(created.status()).isEqualTo(201);
        String reference = created.text("reference");
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        return reference;
    }

    /** A web report carrying every detail of the person; returns its case reference. */
    String report(Person person) {
        return report(person, "EMAIL");
    }

    String report(Person person, String updateChannel) {
        ObjectNode report = Api.validReport();
        report.put("updateChannel", updateChannel);
        report.put("name", person.name());
        report.put("email", person.email());
        report.put("phone", person.phone());
        report.put("description", person.description());
        report.put("location", person.location());
        HttpResponse<String> created = new StaffSession(port).post("/api/v1/reports", report);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("reference").asText();
    }

    static HttpResponse<String> getWithReason(StaffSession session, String path, String reason) {
        return session.send(HttpRequest.newBuilder(session.uri(path))
                .header("X-Access-Reason", reason)
                .GET()
                .build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return StaffSession.json(response);
    }
}
