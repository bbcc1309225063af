package uk.police.bluelamp.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;

class ReportApiTest extends IntegrationTest {

    @Test
    void aReportGetsAReferenceAndCodeAtOnceAndCanThenBeTracked() {
        Api.Response created = api().report(Api.validReport());

        assertThat(created.status()).isEqualTo(201);
        String reference = created.text("reference");
        String code = created.text("trackingCode");
        assertThat(reference).matches("BL-\\d{4}-\\d{6}");
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/cases/" + reference + "/tracking");

        Api.Response tracked = await().atMost(Duration.ofSeconds(10))
                .until(() -> api().track(reference, code), r -> r.status() == 200);
        JsonNode view = tracked.body();
        assertThat(view.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(view.path("statusLabel").asText()).isEqualTo("Received");
        assertThat(view.path("categoryLabel").asText()).isEqualTo("Theft (not from a vehicle)");
        assertThat(Instant.parse(view.path("nextUpdateDue").asText()))
                .isEqualTo(Instant.parse(created.text("nextUpdateDue")))
                .isAfter(Instant.parse(view.path("reportedAt").asText()).plus(Duration.ofDays(6)));
        assertThat(view.path("timeline")).hasSize(1);
        assertThat(view.path("timeline").get(0).path("title").asText()).isEqualTo("Report received");
        assertThat(view.toString()).doesNotContain("sam@example.com").doesNotContain("Sam Smith");
    }

    @Test
    void theCitizenTrackingTheirReportSeesWhatTheyToldUs() {
        var report = Api.validReport();
        Api.Response created = api().report(report);
        Api.Response tracked = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api().track(created.text("reference"), created.text("trackingCode")),
                        r -> r.status() == 200 && r.body().path("reported").has("description"));
        JsonNode reported = tracked.body().path("reported");
        assertThat(reported.path("description").asText())
                .isEqualTo(report.path("description").asText());
        assertThat(reported.path("location").asText())
                .isEqualTo(report.path("location").asText());
        assertThat(reported.path("occurredOn").asText())
                .isEqualTo(report.path("occurredOn").asText());
        assertThat(reported.path("occurredTime").asText()).isEqualTo("about 3pm");
    }

    @Test
    void referencesAreUniqueAndReadable() {
        List<String> references = IntStream.range(0, 5)
                .mapToObj(i -> api().report(Api.validReport()).text("reference"))
                .toList();
        assertThat(references).doesNotHaveDuplicates().allMatch(r -> r.matches("BL-\\d{4}-\\d{6}"));
    }

    @Test
    void anInvalidReportGetsEveryFieldErrorAndRecordsNothing() {
        long eventsBefore = eventCount();
        ObjectNode report = Api.validReport();
        report.put("category", "NOT_A_CATEGORY");
        report.remove("description");
        report.put("occurredOn", "2999-01-01");
        report.put("email", "not-an-email");

        Api.Response response = api().report(report);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .containsExactly("category", "description", "occurredOn", "email");
        assertThat(response.body().path("errors").get(0).path("message").asText())
                .isEqualTo("Select what happened from the list");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void someoneInDangerIsToldToCall999AndNothingIsRecorded() {
        long eventsBefore = eventCount();
        ObjectNode report = Api.validReport();
        report.put("anyoneInDanger", true);

        Api.Response response = api().report(report);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("message").asText())
                .contains("call 999");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestNotAServerError() {
        Api.Response response = api().send(HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"anyoneInDanger\": \"perhaps\""))
                .build());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors")).isNotEmpty();
    }

    @Test
    void aWrongCodeGetsExactlyTheSameAnswerAsAnUnknownReference() {
        Api.Response created = api().report(Api.validReport());
        String reference = created.text("reference");
        await().until(() -> api().track(reference, created.text("trackingCode")).status() == 200);

        Api.Response wrongCode = api().track(reference, "AAAA-BBBB-CCCC");
        Api.Response unknown = api().track("BL-2026-999999", "AAAA-BBBB-CCCC");
        Api.Response noCode = api().track(reference, null);

        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noCode.status()).isEqualTo(404);
        assertThat(wrongCode.raw().body())
                .isEqualTo(unknown.raw().body())
                .isEqualTo(noCode.raw().body());
    }

    @Test
    void repeatedFailuresForAReferenceAreSlowedDownEvenForTheRightCode() {
        Api.Response created = api().report(Api.validReport());
        String reference = created.text("reference");
        String code = created.text("trackingCode");
        await().until(() -> api().track(reference, code).status() == 200);

        for (int attempt = 1; attempt <= 5; attempt++) {
            // Well formed (a malformed code is refused before it counts), and wrong, all from this
            // one address: its guesses on this reference are slowed down, the right code included.
            assertThat(api().track(reference, "AAAA-BBBB-CCC" + (attempt + 1)).status())
                    .isEqualTo(404);
        }
        Api.Response slowed = api().track(reference, code);

        assertThat(slowed.status()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(slowed.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        // An unknown reference is slowed down in exactly the same way.
        for (int attempt = 1; attempt <= 5; attempt++) {
            api().track("BL-2026-888888", "AAAA-BBBB-CCCC");
        }
        assertThat(api().track("BL-2026-888888", "AAAA-BBBB-CCCC").status()).isEqualTo(429);
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        Api.Response docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/reports")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/cases/{reference}/tracking"))
                .isTrue();
    }
}
