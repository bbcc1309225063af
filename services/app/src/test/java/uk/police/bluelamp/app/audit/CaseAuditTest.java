package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.StaffSession;

/** An auditor reads a case's whole trail, sees it as it was, exports it, and sees who looked. */
class CaseAuditTest extends AuditSupport {

    @Test
    void theCaseHistoryHasEveryEventOfTheCaseAndItsContactInOrderWithWhoHowAndWhy() {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        handler.post("/api/v1/staff/cases/" + ref + "/assign", Map.of("team", "CID"));
        handler.post("/api/v1/staff/cases/" + ref + "/notes", Map.of("text", "Spoke to the neighbour"));

        StaffSession auditor = auditor();
        assertThat(auditor.get("/api/v1/audit/cases/" + ref + "/history").statusCode())
                .as("an auditor must say why they open a case")
                .isEqualTo(428);
        HttpResponse<String> history =
                getWithReason(auditor, "/api/v1/audit/cases/" + ref + "/history", "Complaint 4411");
        assertThat(history.statusCode()).isEqualTo(200);

        List<JsonNode> entries = new ArrayList<>();
        json(history).path("entries").forEach(entries::add);
        assertThat(entries)
                .extracting(e -> e.path("type").asText())
                .containsSubsequence("ContactReceived", "CaseOpened", "CaseAssigned", "InternalNoteAdded");
        assertThat(entries).extracting(e -> e.path("globalIndex").asLong()).isSorted();
        JsonNode received = entries.get(0);
        String contactId = received.path("aggregateId").asText();
        assertThat(contactId).isNotEqualTo(ref);
        assertThat(received.path("channel").asText()).isEqualTo("WEB");
        assertThat(received.path("sentence").asText()).endsWith(".").contains(ref);
        JsonNode opened = entries.stream()
                .filter(e -> e.path("type").asText().equals("CaseOpened"))
                .findFirst()
                .orElseThrow();
        assertThat(opened.path("correlationId").asText())
                .as("the report's contact and case share one correlation id")
                .isEqualTo(received.path("correlationId").asText())
                .isNotBlank();
        assertThat(opened.path("causationId").asText()).isNotBlank();
        JsonNode assigned = entries.stream()
                .filter(e -> e.path("type").asText().equals("CaseAssigned"))
                .findFirst()
                .orElseThrow();
        assertThat(assigned.path("actor").asText()).isEqualTo("staff:handler");
        assertThat(assigned.path("sentence").asText()).contains("handler").contains("CID");
        assertThat(assigned.path("payload").path("team").asText())
                .as("the raw form")
                .isEqualTo("CID");
        assertThat(assigned.path("chainPosition").asLong()).isPositive();
        JsonNode note = entries.stream()
                .filter(e -> e.path("type").asText().equals("InternalNoteAdded"))
                .findFirst()
                .orElseThrow();
        assertThat(note.path("sentence").asText()).doesNotContain("Spoke to the neighbour");
        assertThat(note.path("payload").path("text").asText()).isEqualTo("Spoke to the neighbour");

        assertThat(getWithReason(auditor, "/api/v1/audit/cases/BL-1999-000001/history", "checking")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCaseAsItWasAtAMomentIsTheHandlersViewRebuiltFromTheEventsUpToThen() throws Exception {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        Instant beforeChanges = Instant.now();
        Thread.sleep(20);
        handler.post("/api/v1/staff/cases/" + ref + "/status", Map.of("status", "UNDER_REVIEW"));
        handler.post("/api/v1/staff/cases/" + ref + "/notes", Map.of("text", "Later note"));
        await().atMost(WAIT)
                .until(() -> json(handler.get("/api/v1/staff/cases/" + ref))
                        .path("status")
                        .asText()
                        .equals("UNDER_REVIEW"));
        // The note came after the status change: the live history must hold it too before it is compared.
        await().atMost(WAIT)
                .until(() -> json(handler.get("/api/v1/staff/cases/" + ref))
                        .path("history")
                        .toString()
                        .contains("Later note"));

        StaffSession auditor = auditor();
        JsonNode then =
                json(getWithReason(auditor, "/api/v1/audit/cases/" + ref + "/as-of?at=" + beforeChanges, "Review"));
        assertThat(then.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(then.path("asOf").asText()).isEqualTo(beforeChanges.toString());
        assertThat(then.path("history").toString()).doesNotContain("Later note");

        JsonNode now =
                json(getWithReason(auditor, "/api/v1/audit/cases/" + ref + "/as-of?at=" + Instant.now(), "Review"));
        JsonNode live = json(handler.get("/api/v1/staff/cases/" + ref));
        assertThat(now.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(now.path("history"))
                .as("the same view handlers use, from the same projection")
                .isEqualTo(live.path("history"));
        assertThat(now.fieldNames()).toIterable().containsAll(() -> live.fieldNames());

        assertThat(getWithReason(auditor, "/api/v1/audit/cases/" + ref + "/as-of?at=2000-01-01T00:00:00Z", "Review")
                        .statusCode())
                .isEqualTo(404);
        assertThat(getWithReason(auditor, "/api/v1/audit/cases/" + ref + "/as-of?at=yesterday", "Review")
                        .statusCode())
                .isEqualTo(400);
        assertThat(json(handler.get("/api/v1/staff/cases/" + ref))
                        .path("status")
                        .asText())
                .as("the live view is untouched")
                .isEqualTo("UNDER_REVIEW");
    }

    @Test
    void theTrailExportsAsJsonAndAsCsvThatASpreadsheetCannotRun() {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        handler.post("/api/v1/staff/cases/" + ref + "/notes", Map.of("text", "=HYPERLINK(\"http://evil\",\"x\")"));
        await().atMost(WAIT)
                .until(() -> json(handler.get("/api/v1/staff/cases/" + ref))
                                .path("history")
                                .size()
                        >= 2);
        StaffSession auditor = auditor();

        HttpResponse<String> asJson =
                getWithReason(auditor, "/api/v1/audit/cases/" + ref + "/export?format=json", "FOI");
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(asJson.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains(ref + "-audit-trail.json");
        assertThat(json(asJson).path("entries").size()).isGreaterThanOrEqualTo(3);

        HttpResponse<String> asCsv = getWithReason(auditor, "/api/v1/audit/cases/" + ref + "/export?format=csv", "FOI");
        assertThat(asCsv.statusCode()).isEqualTo(200);
        assertThat(asCsv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = asCsv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\"global_index\",\"chain_position\",\"occurred_at\",\"type\"");
        assertThat(lines).hasSize(json(asJson).path("entries").size() + 1);
        assertThat(asCsv.body()).contains("\"InternalNoteAdded\"").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void everyLookAtACaseOrAContactIsLoggedWithItsReasonAndAuditorsCanListThem() {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        handler.post("/api/v1/staff/cases/" + ref + "/assign", Map.of("handler", "supervisor"));
        await().atMost(WAIT)
                .until(() -> "supervisor"
                        .equals(json(supervisor.get("/api/v1/staff/cases/" + ref))
                                .path("assignedTo")
                                .asText()));

        assertThat(handler.get("/api/v1/staff/cases/" + ref).statusCode())
                .as("someone else's case needs a reason")
                .isEqualTo(428);
        assertThat(json(handler.get("/api/v1/staff/cases/" + ref))
                        .path("reasonRequired")
                        .asBoolean())
                .isTrue();
        assertThat(getWithReason(handler, "/api/v1/staff/cases/" + ref, "Covering while they are on leave")
                        .statusCode())
                .isEqualTo(200);

        StaffSession auditor = auditor();
        await().atMost(WAIT)
                .until(() -> json(auditor.get("/api/v1/audit/access?reference=" + ref))
                        .toString()
                        .contains("Covering while they are on leave"));
        List<JsonNode> views = new ArrayList<>();
        json(auditor.get("/api/v1/audit/access?reference=" + ref)).forEach(views::add);
        assertThat(views).anySatisfy(v -> {
            assertThat(v.path("viewer").asText()).isEqualTo("handler");
            assertThat(v.path("view").asText()).isEqualTo("case view");
            assertThat(v.path("reason").asText()).isEqualTo("Covering while they are on leave");
            assertThat(v.path("viewedAt").asText()).isNotBlank();
        });
        assertThat(views).anySatisfy(v -> assertThat(v.path("viewer").asText()).isEqualTo("supervisor"));
        assertThat(views)
                .as("the two refused looks showed nothing and are not views")
                .filteredOn(v -> v.path("viewer").asText().equals("handler")
                        && !v.path("reason").isNull())
                .hasSize(1);

        JsonNode byHandler = json(auditor.get("/api/v1/audit/access?viewer=handler"));
        assertThat(byHandler.toString()).contains(ref);
        assertThat(auditor.get("/api/v1/audit/access").statusCode()).isEqualTo(400);
        assertThat(handler.get("/api/v1/audit/access?viewer=handler").statusCode())
                .as("handlers do not read the access log")
                .isEqualTo(403);
    }
}
