package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.StaffSession;

/** The whole log, filtered by time, type, actor, channel and case, and paged. */
class EventLogTest extends AuditSupport {

    @Test
    void theLogFiltersByEachFieldAndPagesWithoutGapsOrRepeats() {
        Instant start = Instant.now();
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        handler.post("/api/v1/staff/cases/" + ref + "/notes", Map.of("text", "A note"));
        StaffSession auditor = auditor();

        JsonNode notes = json(getWithReason(
                auditor,
                "/api/v1/audit/events?type=InternalNoteAdded&actor=handler&size=200",
                "Audit of the event log"));
        assertThat(notes.path("entries").size()).isPositive();
        notes.path("entries").forEach(e -> {
            assertThat(e.path("type").asText()).isEqualTo("InternalNoteAdded");
            assertThat(e.path("actor").asText()).isEqualTo("staff:handler");
        });

        JsonNode web = json(getWithReason(
                auditor, "/api/v1/audit/events?channel=web&from=" + start + "&size=200", "Audit of the event log"));
        assertThat(web.path("entries").size()).isPositive();
        web.path("entries").forEach(e -> {
            assertThat(e.path("channel").asText()).isEqualTo("WEB");
            assertThat(Instant.parse(e.path("occurredAt").asText())).isAfterOrEqualTo(start);
        });
        JsonNode beforeStart = json(getWithReason(
                auditor,
                "/api/v1/audit/events?to=" + start + "&type=InternalNoteAdded&actor=handler&size=200",
                "Audit of the event log"));
        beforeStart
                .path("entries")
                .forEach(e ->
                        assertThat(Instant.parse(e.path("occurredAt").asText())).isBefore(start));

        JsonNode ofCase = json(
                getWithReason(auditor, "/api/v1/audit/events?case=" + ref + "&size=200", "Audit of the event log"));
        assertThat(ofCase.path("entries"))
                .extracting(e -> e.path("type").asText())
                .contains("ContactReceived", "CaseOpened", "InternalNoteAdded");

        Set<Long> seen = new HashSet<>();
        Long before = null;
        long previous = Long.MAX_VALUE;
        for (int page = 0; page < 4; page++) {
            JsonNode result = json(getWithReason(
                    auditor,
                    "/api/v1/audit/events?size=3" + (before == null ? "" : "&before=" + before),
                    "Audit of the event log"));
            for (JsonNode e : result.path("entries")) {
                long index = e.path("globalIndex").asLong();
                assertThat(index).as("newest first").isLessThan(previous);
                assertThat(seen.add(index)).isTrue();
                previous = index;
            }
            assertThat(result.path("entries").size()).isEqualTo(3);
            before = result.path("nextBefore").asLong();
        }

        assertThat(getWithReason(auditor, "/api/v1/audit/events?type=NoSuchEvent", "Audit of the event log")
                        .statusCode())
                .isEqualTo(400);
        assertThat(getWithReason(auditor, "/api/v1/audit/events?from=last-tuesday", "Audit of the event log")
                        .statusCode())
                .isEqualTo(400);
        assertThat(getWithReason(auditor, "/api/v1/audit/events?size=100000", "Audit of the event log")
                        .statusCode())
                .isEqualTo(400);
        assertThat(json(auditor.get("/api/v1/audit/event-types")).toString()).contains("CaseViewed", "ContactReceived");
        assertThat(handler.get("/api/v1/audit/events").statusCode())
                .as("handlers cannot read the whole log")
                .isEqualTo(403);
    }

    @Test
    void readingTheLogNeedsAReasonAndEveryPersonOnThePageIsInTheAccessLog() {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        StaffSession auditor = auditor();

        for (String path : List.of("/api/v1/audit/events?case=" + ref, "/api/v1/audit/events?size=5")) {
            HttpResponse<String> unexplained = auditor.get(path);
            assertThat(unexplained.statusCode()).as(path).isEqualTo(428);
            assertThat(json(unexplained).path("reasonRequired").asBoolean()).isTrue();
            assertThat(unexplained.body()).as("nothing shown without a reason").doesNotContain("entries");
        }

        assertThat(getWithReason(auditor, "/api/v1/audit/events?case=" + ref, "Complaint 17")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> json(auditor.get("/api/v1/audit/access?reference=" + ref))
                        .toString()
                        .contains("Complaint 17"));

        JsonNode page = json(getWithReason(auditor, "/api/v1/audit/events?size=20", "Spot check 9"));
        Set<String> shown = new HashSet<>();
        page.path("entries").forEach(e -> shown.add(e.path("aggregateId").asText()));
        assertThat(shown).contains(ref);
        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> logged = new HashSet<>();
            json(auditor.get("/api/v1/audit/access?viewer=auditor")).forEach(view -> {
                if (view.path("reason").asText().equals("Spot check 9")) {
                    logged.add(view.path("subjectId").asText());
                }
            });
            assertThat(logged).contains(ref).isSubsetOf(shown);
        });
    }
}
