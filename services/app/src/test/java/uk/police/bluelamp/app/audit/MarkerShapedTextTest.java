package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;

/**
 * Text shaped like the old encrypted-field marker ({@code pii:v1:…}) is only text: whoever types
 * it, in whatever field, gets it stored and read back as typed, and no page that shows it fails.
 */
class MarkerShapedTextTest extends AuditSupport {

    /** The shortest marker, one that parses as a subject and base64, and one that parses as a whole ciphertext. */
    private static String marker(String field) {
        return switch (Math.floorMod(field.hashCode(), 3)) {
            case 0 -> "pii:v1:x";
            case 1 -> "pii:v1:" + field + ":QUJD";
            default -> "pii:v1:" + UUID.randomUUID() + ":" + "A".repeat(48);
        };
    }

    @Test
    void aReportWhoseEveryTextIsMarkerShapedReadsBackAsTypedOnEveryPage() {
        String description = marker("description") + " " + UUID.randomUUID();
        String location = marker("location");
        String occurredTime = "pii:v1:x";
        String name = marker("name");
        String email = "pii:v1:x@example.org";
        ObjectNode report = Api.validReport();
        report.put("description", description);
        report.put("location", location);
        report.put("occurredTime", occurredTime);
        report.put("name", name);
        report.put("email", email);
        Api.Response created = api().report(report);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String reference = created.text("reference");
        String code = created.text("trackingCode");

        StaffSession handler = handler();
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        String citizenMessage = "pii:v1:x";
        HttpResponse<String> sent =
                citizen("/api/v1/cases/" + reference + "/messages", code, Map.of("text", citizenMessage));
        assertThat(sent.statusCode()).as(sent.body()).isLessThan(300);
        String note = marker("note");
        assertThat(handler.post("/api/v1/staff/cases/" + reference + "/notes", Map.of("text", note))
                        .statusCode())
                .isLessThan(300);
        await().atMost(WAIT)
                .until(() ->
                        handler.get("/api/v1/staff/cases/" + reference).body().contains(note));

        Api.Response tracking = api().track(reference, code);
        assertThat(tracking.status()).as(tracking.raw().body()).isEqualTo(200);
        assertThat(tracking.raw().body()).contains(citizenMessage);

        JsonNode caseView = json(handler.get("/api/v1/staff/cases/" + reference));
        assertThat(caseView.toString()).contains(note, citizenMessage);
        String contactId = caseView.path("contacts").get(0).path("contactId").asText();
        // The queue's row alone answers too; the report's words come with the contact view's.
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/contacts/" + contactId)
                        .body()
                        .contains(location));
        assertThat(handler.get("/api/v1/staff/contacts/" + contactId).body())
                .contains(name, email, description, location, occurredTime);

        StaffSession auditor = auditor();
        HttpResponse<String> history =
                getWithReason(auditor, "/api/v1/audit/cases/" + reference + "/history", "Review");
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode received = json(history).path("entries").get(0).path("payload");
        assertThat(received.path("details").path("description").asText()).isEqualTo(description);
        assertThat(received.path("details").path("location").asText()).isEqualTo(location);
        assertThat(received.path("details").path("occurredTime").asText()).isEqualTo(occurredTime);
        assertThat(received.path("reporter").path("name").asText()).isEqualTo(name);
        assertThat(received.path("reporter").path("email").asText()).isEqualTo(email);
        assertThat(history.body()).contains(note, citizenMessage);

        HttpResponse<String> asJson =
                getWithReason(auditor, "/api/v1/audit/cases/" + reference + "/export?format=json", "FOI");
        assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(200);
        assertThat(asJson.body()).contains(description, location, occurredTime, name, email, note);
        HttpResponse<String> asCsv =
                getWithReason(auditor, "/api/v1/audit/cases/" + reference + "/export?format=csv", "FOI");
        assertThat(asCsv.statusCode()).as(asCsv.body()).isEqualTo(200);
        assertThat(asCsv.body()).contains(description, note);

        HttpResponse<String> log = getWithReason(
                auditor, "/api/v1/audit/events?case=" + reference + "&size=200", "Audit of the event log");
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(log.body()).contains(description, occurredTime, note);
        HttpResponse<String> page = getWithReason(auditor, "/api/v1/audit/events?size=200", "Audit of the event log");
        assertThat(page.statusCode())
                .as("the whole log's latest page: " + page.body())
                .isEqualTo(200);
    }

    @Test
    void textInTheShapeOfASealedValueIsRefusedAsTheWrongType() {
        ObjectNode report = Api.validReport();
        report.putObject("description").put("pii", 2).put("subject", "someone").put("sealed", "QUJD");
        long events = eventCount();

        Api.Response refused = api().report(report);

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aChatWhoseEveryTextIsMarkerShapedKeepsWorking() {
        String name = marker("chat name");
        String topic = marker("topic");
        HttpResponse<String> started = new StaffSession(port)
                .post("/api/v1/chats", Map.of("name", name, "topic", topic, "anyoneInDanger", false));
        assertThat(started.statusCode()).as(started.body()).isLessThan(300);
        JsonNode chat = json(started);
        String chatId = chat.path("contactId").asText();
        String token = chat.path("chatToken").asText();
        StaffSession citizen = new StaffSession(port);
        String text = marker("message");
        HttpResponse<String> posted =
                citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chatId + "/messages"))
                        .header("X-Chat-Token", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"clientMessageId\":\"pii:v1:x\",\"text\":\"" + text + "\"}"))
                        .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        await().atMost(WAIT)
                .until(() -> chatView(citizen, chatId, token).path("messages").size() == 1);
        for (int call = 0; call < 3; call++) {
            HttpResponse<String> view = citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chatId))
                    .header("X-Chat-Token", token)
                    .GET()
                    .build());
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(json(view).path("messages").get(0).path("text").asText()).isEqualTo(text);
        }
        citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chatId + "/end"))
                .header("X-Chat-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        StaffSession auditor = auditor();
        await().atMost(WAIT)
                .until(() -> getWithReason(auditor, "/api/v1/staff/contacts/" + chatId + "/chat", "Review")
                                .statusCode()
                        == 200);
        HttpResponse<String> transcript =
                getWithReason(auditor, "/api/v1/staff/contacts/" + chatId + "/chat", "Review");
        assertThat(transcript.body()).contains(text);
        HttpResponse<String> contact = getWithReason(auditor, "/api/v1/staff/contacts/" + chatId, "Review");
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
        assertThat(contact.body()).contains(name, topic);
        HttpResponse<String> log = getWithReason(auditor, "/api/v1/audit/events?size=200", "Audit of the event log");
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(log.body()).contains(topic, text, "pii:v1:x");
    }

    @Test
    void aMarkerShapedAccessReasonIsLoggedAsGivenAndHidesNothing() {
        StaffSession handler = handler();
        String reference = reportedCase(handler);
        StaffSession auditor = auditor();
        String reason = "pii:v1:x";

        HttpResponse<String> looked = getWithReason(auditor, "/api/v1/staff/cases/" + reference, reason);
        assertThat(looked.statusCode()).isEqualTo(200);

        await().atMost(WAIT)
                .until(() -> auditor.get("/api/v1/audit/access?reference=" + reference)
                        .body()
                        .contains(reason));
        List<JsonNode> views = new ArrayList<>();
        json(auditor.get("/api/v1/audit/access?reference=" + reference)).forEach(views::add);
        assertThat(views).anySatisfy(view -> {
            assertThat(view.path("viewer").asText()).isEqualTo("auditor");
            assertThat(view.path("reason").asText()).isEqualTo(reason);
        });
        HttpResponse<String> events = getWithReason(
                auditor, "/api/v1/audit/events?type=CaseViewed&actor=auditor&size=200", "Audit of the event log");
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(events.body()).contains(reason);
    }

    private JsonNode chatView(StaffSession citizen, String chatId, String token) {
        return json(citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chatId))
                .header("X-Chat-Token", token)
                .GET()
                .build()));
    }

    private HttpResponse<String> citizen(String path, String code, Map<String, Object> body) {
        StaffSession citizen = new StaffSession(port);
        try {
            return citizen.send(HttpRequest.newBuilder(citizen.uri(path))
                    .header("X-Tracking-Code", code)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
