package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
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

        JsonNode notes = json(auditor.get("/api/v1/audit/events?type=InternalNoteAdded&actor=handler&size=200"));
        assertThat(notes.path("entries").size()).isPositive();
        notes.path("entries").forEach(e -> {
            assertThat(e.path("type").asText()).isEqualTo("InternalNoteAdded");
            assertThat(e.path("actor").asText()).isEqualTo("staff:handler");
        });

        JsonNode web = json(auditor.get("/api/v1/audit/events?channel=web&from=" + start + "&size=200"));
        assertThat(web.path("entries").size()).isPositive();
        web.path("entries").forEach(e -> {
            assertThat(e.path("channel").asText()).isEqualTo("WEB");
            assertThat(Instant.parse(e.path("occurredAt").asText())).isAfterOrEqualTo(start);
        });
        JsonNode beforeStart = json(auditor.get("/api/v1/audit/events?to=" + start + "&type=InternalNoteAdded&actor=handler&size=200"));
        beforeStart.path("entries").forEach(e ->
                assertThat(Instant.parse(e.path("occurredAt").asText())).isBefore(start));

        JsonNode ofCase = json(auditor.get("/api/v1/audit/events?case=" + ref + "&size=200"));
        assertThat(ofCase.path("entries")).extracting(e -> e.path("type").asText())
                .contains("ContactReceived", "CaseOpened", "InternalNoteAdded");

        Set<Long> seen = new HashSet<>();
        Long before = null;
        long previous = Long.MAX_VALUE;
        for (int page = 0; page < 4; page++) {
            JsonNode result = json(auditor.get("/api/v1/audit/events?size=3" + (before == null ? "" : "&before=" + before)));
            for (JsonNode e : result.path("entries")) {
                long index = e.path("globalIndex").asLong();
                assertThat(index).as("newest first").isLessThan(previous);
                assertThat(seen.add(index)).isTrue();
                previous = index;
            }
            assertThat(result.path("entries").size()).isEqualTo(3);
            before = result.path("nextBefore").asLong();
        }

        assertThat(auditor.get("/api/v1/audit/events?type=NoSuchEvent").statusCode()).isEqualTo(400);
        assertThat(auditor.get("/api/v1/audit/events?from=last-tuesday").statusCode()).isEqualTo(400);
        assertThat(auditor.get("/api/v1/audit/events?size=100000").statusCode()).isEqualTo(400);
        assertThat(json(auditor.get("/api/v1/audit/event-types")).toString()).contains("CaseViewed", "ContactReceived");
        assertThat(handler.get("/api/v1/audit/events").statusCode()).as("handlers cannot read the whole log").isEqualTo(403);
    }
}
