package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/** Size limits: 413 for a body over 64 KiB before it is parsed, and a 400 naming each text field that is too long. */
class InputLimitsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBodyOver64KiBIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() {
        StaffSession citizen = citizen();
        ObjectNode report = Api.validReport();
        report.put("description", "x".repeat(70_000));
        long before = eventCount();

        HttpResponse<String> declared = citizen.send(json(citizen, "/api/v1/reports")
                .POST(HttpRequest.BodyPublishers.ofString(report.toString()))
                .build());
        byte[] bytes = report.toString().getBytes();
        HttpResponse<String> chunked = citizen.send(json(citizen, "/api/v1/reports")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build());

        for (HttpResponse<String> refused : new HttpResponse[] {declared, chunked}) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(refused.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(StaffSession.json(refused).path("detail").asText())
                    .isEqualTo("The request body must be 64 KiB or smaller.");
        }
        assertThat(eventCount()).isEqualTo(before);

        // Just inside the ceiling the body is read, and the field's own limit answers.
        report.put("description", "x".repeat(60_000));
        HttpResponse<String> tooLong = citizen.send(json(citizen, "/api/v1/reports")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(report.toString().getBytes())))
                .build());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(tooLong)).contains("description");
    }

    @Test
    void aStompFrameOver16KiBEndsTheSocketAndStoresNothing() throws Exception {
        StaffSession citizen = citizen();
        JsonNode chat = StaffSession.json(
                citizen.post("/api/v1/chats", Map.of("topic", "A noisy neighbour", "anyoneInDanger", false)));
        String id = chat.path("contactId").asText();
        long before = eventCount();
        try (Stomp socket = Stomp.citizen(port)) {
            socket.send(
                    "/app/chat." + id + ".send",
                    chat.path("chatToken").asText(),
                    Map.of("clientMessageId", "big-1", "text", "a".repeat(20_000)));
            assertThat(socket.errorWithin(Duration.ofSeconds(5))).isNotNull();
        }
        assertThat(eventCount()).isEqualTo(before);
        end(citizen, chat);
    }

    /** Leaves no chat waiting in the shared queue for later tests. */
    private static void end(StaffSession citizen, JsonNode chat) {
        assertThat(withHeader(
                                citizen,
                                "/api/v1/chats/" + chat.path("contactId").asText() + "/end",
                                Map.of(),
                                "X-Chat-Token",
                                chat.path("chatToken").asText())
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void everyPublicTextFieldHasALimitAndSaysWhichFieldIsTooLong() {
        StaffSession citizen = citizen();
        JsonNode receipt = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        String reference = receipt.path("reference").asText();
        String code = receipt.path("trackingCode").asText();
        JsonNode chat = StaffSession.json(
                citizen.post("/api/v1/chats", Map.of("topic", "A noisy neighbour", "anyoneInDanger", false)));

        for (var field : Map.of(
                        "description",
                        5000,
                        "location",
                        500,
                        "occurredTime",
                        100,
                        "name",
                        200,
                        "email",
                        320,
                        "phone",
                        40)
                .entrySet()) {
            ObjectNode report = Api.validReport();
            report.put(field.getKey(), "a".repeat(field.getValue() + 1));
            assertRefused(citizen.post("/api/v1/reports", report), field.getKey());
        }
        assertRefused(
                citizen.post("/api/v1/chats", Map.of("name", "a".repeat(201), "topic", "a", "anyoneInDanger", false)),
                "name");
        assertRefused(
                citizen.post("/api/v1/chats", Map.of("topic", "a".repeat(501), "anyoneInDanger", false)), "topic");
        assertRefused(
                withHeader(
                        citizen,
                        "/api/v1/chats/" + chat.path("contactId").asText() + "/messages",
                        Map.of("clientMessageId", "m1", "text", "a".repeat(2001)),
                        "X-Chat-Token",
                        chat.path("chatToken").asText()),
                "text");
        assertRefused(
                withHeader(
                        citizen,
                        "/api/v1/chats/" + chat.path("contactId").asText() + "/messages",
                        Map.of("clientMessageId", "m".repeat(101), "text", "hello"),
                        "X-Chat-Token",
                        chat.path("chatToken").asText()),
                "clientMessageId");
        Map<String, Object> callback = Map.of(
                "phone",
                "01632960001",
                "topic",
                "My stolen bike",
                "windowStart",
                Instant.now().plusSeconds(3600).toString(),
                "windowEnd",
                Instant.now().plusSeconds(7200).toString(),
                "anyoneInDanger",
                false);
        for (var field : Map.of("name", 200, "phone", 40, "topic", 500).entrySet()) {
            Map<String, Object> tooLong = new HashMap<>(callback);
            tooLong.put(field.getKey(), "1".repeat(field.getValue() + 1));
            assertRefused(citizen.post("/api/v1/callbacks", tooLong), field.getKey());
        }
        assertRefused(
                withHeader(
                        citizen,
                        "/api/v1/cases/" + reference + "/messages",
                        Map.of("text", "a".repeat(2001)),
                        "X-Tracking-Code",
                        code),
                "text");
        end(citizen, chat);
    }

    @Test
    void everyStaffTextFieldHasALimitAndSaysWhichFieldIsTooLong() {
        StaffSession citizen = citizen();
        String reference = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()))
                .path("reference")
                .asText();
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String cases = "/api/v1/staff/cases/" + reference;
        String text = "a".repeat(5001);
        String name = "a".repeat(201);
        assertRefused(handler.post(cases + "/notes", Map.of("text", text)), "text");
        assertRefused(handler.post(cases + "/updates", Map.of("text", text, "keyDecision", false)), "text");
        assertRefused(handler.post(cases + "/messages", Map.of("text", text)), "text");
        assertRefused(handler.post(cases + "/status", Map.of("status", "REFERRED", "team", name, "note", "n")), "team");
        assertRefused(handler.post(cases + "/status", Map.of("status", "RESOLVED", "note", text)), "note");
        assertRefused(handler.post(cases + "/reopen", Map.of("reason", text)), "reason");
        assertRefused(
                handler.post(cases + "/crime-decision", Map.of("recorded", true, "crimeNumber", "1".repeat(51))),
                "crimeNumber");
        assertRefused(handler.post(cases + "/crime-decision", Map.of("recorded", false, "reason", text)), "reason");
        assertRefused(handler.post(cases + "/assign", Map.of("handler", name)), "handler");
        assertRefused(handler.post(cases + "/assign", Map.of("team", name)), "team");
        String note = "a".repeat(2001);
        for (String part :
                new String[] {"threat", "harm", "risk", "investigation", "vulnerability", "engagement", "rationale"}) {
            Map<String, Object> triage = new HashMap<>(Map.of("grade", "SCHEDULED", "rationale", "r"));
            triage.put(part, note);
            assertRefused(handler.post(cases + "/triage", triage), part);
        }
        String contact = "/api/v1/staff/contacts/" + UUID.randomUUID();
        assertRefused(handler.post(contact + "/transfer", Map.of("note", note, "toChannel", "WEB")), "note");
        assertRefused(handler.post(contact + "/close", Map.of("outcome", note)), "outcome");
        assertRefused(handler.post(contact + "/summary", Map.of("category", "THEFT", "summary", note)), "summary");
        assertRefused(
                handler.post(contact + "/callback-attempts", Map.of("outcome", "NO_ANSWER", "note", note)), "note");
    }

    private void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as("%s: %s", field, response.body()).isEqualTo(400);
        assertThat(fieldsIn(response)).as(response.body()).contains(field);
    }

    private static List<String> fieldsIn(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        StaffSession.json(response)
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private StaffSession citizen() {
        StaffSession citizen = new StaffSession(port);
        citizen.get("/api/v1/staff/me");
        return citizen;
    }

    private static HttpRequest.Builder json(StaffSession session, String path) {
        return HttpRequest.newBuilder(session.uri(path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", session.csrfToken());
    }

    private static HttpResponse<String> withHeader(
            StaffSession session, String path, Object body, String header, String value) {
        try {
            return session.send(json(session, path)
                    .header(header, value)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
