package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/**
 * One input policy at every edge (docs/adr/0015-one-input-policy-at-the-edge.md): text that
 * PostgreSQL or a reader cannot hold is refused with a 400 naming the field, nothing is
 * stored, and the read models keep flowing; accepted text is stored in NFC.
 */
class InputPolicyTest extends IntegrationTest {

    /** Written with every non-ASCII character escaped, so that a lone surrogate can be sent at all. */
    private static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One of each kind of character the policy refuses in every field. */
    static final Map<String, String> REFUSED = refused();

    private static Map<String, String> refused() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("NUL", "\u0000");
        refused.put("bell", "\u0007");
        refused.put("escape", "\u001b");
        refused.put("DEL", "\u007f");
        refused.put("a C1 control", "\u0085");
        refused.put("another C1 control", "\u009b");
        refused.put("a lone high surrogate", "\ud800");
        refused.put("a lone low surrogate", "\udc00");
        refused.put("a noncharacter", "\uffff");
        refused.put("another noncharacter", "\ufdd0");
        refused.put("a right-to-left override", "\u202e");
        refused.put("a left-to-right embedding", "\u202a");
        refused.put("a right-to-left isolate", "\u2067");
        refused.put("a pop directional isolate", "\u2069");
        return refused;
    }

    @Test
    void everyRefusedCharacterInAReportIsA400NamingTheFieldAndNothingIsStored() {
        StaffSession citizen = citizen();
        long before = stored();
        for (Map.Entry<String, String> character : REFUSED.entrySet()) {
            for (String field : List.of("description", "location", "name")) {
                ObjectNode report = Api.validReport();
                report.put(field, "before " + character.getValue() + " after");
                assertRefused(postJson(citizen, "/api/v1/reports", report, Map.of()), field, character.getKey());
            }
        }
        assertThat(stored()).isEqualTo(before);
        assertReadModelsStillFlow();
    }

    @Test
    void aNulWhereverACitizenTypesIsRefusedByNameAndNothingIsStored() {
        StaffSession citizen = citizen();
        JsonNode receipt = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        String reference = receipt.path("reference").asText();
        JsonNode chat =
                StaffSession.json(citizen.post("/api/v1/chats", Map.of("topic", "Noise", "anyoneInDanger", false)));
        Map<String, String> chatToken =
                Map.of("X-Chat-Token", chat.path("chatToken").asText());
        long before = stored();

        assertRefused(
                postJson(citizen, "/api/v1/chats", Map.of("topic", "No\u0000ise", "anyoneInDanger", false), Map.of()),
                "topic");
        assertRefused(
                postJson(
                        citizen,
                        "/api/v1/chats",
                        Map.of("name", "S\u0000m", "topic", "Noise", "anyoneInDanger", false),
                        Map.of()),
                "name");
        assertRefused(
                postJson(
                        citizen,
                        "/api/v1/chats/" + chat.path("contactId").asText() + "/messages",
                        Map.of("clientMessageId", "m-1", "text", "a\u0000b"),
                        chatToken),
                "text");
        assertRefused(
                postJson(
                        citizen,
                        "/api/v1/cases/" + reference + "/messages",
                        Map.of("text", "a\u0000b"),
                        Map.of("X-Tracking-Code", receipt.path("trackingCode").asText())),
                "text");
        assertRefused(
                postJson(
                        citizen,
                        "/api/v1/callbacks",
                        Map.of(
                                "phone",
                                "01632960001",
                                "topic",
                                "My \u0000bike",
                                "windowStart",
                                Instant.now().plusSeconds(3600).toString(),
                                "windowEnd",
                                Instant.now().plusSeconds(7200).toString(),
                                "anyoneInDanger",
                                false),
                        Map.of()),
                "topic");
        assertRefused(
                postJson(
                        handler(), "/api/v1/staff/cases/" + reference + "/notes", Map.of("text", "a\u0000b"), Map.of()),
                "text");

        String callId = "nul-" + System.nanoTime();
        assertRefused(
                citizen.postForm(
                        "/api/v1/cti/demo-cti-token", "event=newCall&callId=" + callId + "&from=0770%00900001"),
                "from");
        assertRefused(
                postJson(
                        citizen,
                        "/api/v1/cti/demo-cti-token",
                        Map.of("event", "newCall", "callId", callId, "from", "0770\u0000900001"),
                        Map.of()),
                "from");
        assertRefused(
                postJson(
                        citizen,
                        "/api/v1/cti/demo-cti-token",
                        Map.of(
                                "event",
                                "newCall",
                                "callId",
                                callId,
                                "from",
                                "07700900001",
                                "user",
                                List.of("handler", "x\u0000")),
                        Map.of()),
                "user");
        assertRefused(
                citizen.postForm("/api/v1/cti/demo-cti-token", "event=newCall&callId=" + callId + "&from=%C3%28"),
                "from");

        assertThat(stored()).isEqualTo(before);
        end(citizen, chat);
        assertReadModelsStillFlow();
    }

    @Test
    void aLineBreakIsKeptInADescriptionRefusedInANameAndTextIsStoredInNfc() throws Exception {
        StaffSession citizen = citizen();
        ObjectNode broken = Api.validReport();
        broken.put("name", "Sam\nSmith");
        assertRefused(postJson(citizen, "/api/v1/reports", broken, Map.of()), "name");
        broken.put("name", "Sam\tSmith");
        assertRefused(postJson(citizen, "/api/v1/reports", broken, Map.of()), "name");

        ObjectNode report = Api.validReport();
        report.put("description", "Taken from the rack.\r\nSeen by the cafe\u0301 owner.\tTwice.");
        report.put("name", "Zoe\u0308 Smith");
        HttpResponse<String> created = postJson(citizen, "/api/v1/reports", report, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode contact =
                contactOf(StaffSession.json(created).path("reference").asText());
        assertThat(contact.path("description").asText())
                .isEqualTo("Taken from the rack.\r\nSeen by the caf\u00e9 owner.\tTwice.");
        assertThat(contact.path("name").asText()).isEqualTo("Zo\u00eb Smith");
    }

    @Test
    void aChatMessageOverStompWithARefusedCharacterIsNotStoredAndTheSenderIsTold() throws Exception {
        StaffSession citizen = citizen();
        JsonNode chat =
                StaffSession.json(citizen.post("/api/v1/chats", Map.of("topic", "Noise", "anyoneInDanger", false)));
        String id = chat.path("contactId").asText();
        String token = chat.path("chatToken").asText();
        long before = stored();
        try (Stomp socket = Stomp.citizen(port)) {
            Stomp.Inbox inbox = socket.subscribe("/topic/chat." + id, token);
            socket.send("/app/chat." + id + ".send", token, Map.of("clientMessageId", "c-1", "text", "a\u0000b"));
            JsonNode refused = inbox.await(m -> m.path("type").asText().equals("error"), WAIT);
            assertThat(refused.path("clientMessageId").asText()).isEqualTo("c-1");
            assertThat(refused.path("message").asText())
                    .startsWith("The message was not sent. text: Contains hidden control");

            socket.sendRaw(
                    "/app/chat." + id + ".send",
                    token,
                    "{\"clientMessageId\":\"c-2\",\"text\":\"a\\ud800b\"}".getBytes(StandardCharsets.US_ASCII));
            refused = inbox.await(m -> m.path("type").asText().equals("error"), WAIT);
            assertThat(refused.path("clientMessageId").asText()).isEqualTo("c-2");

            // A multi-line message is a message.
            socket.send(
                    "/app/chat." + id + ".send", token, Map.of("clientMessageId", "c-3", "text", "line one\nline two"));
            JsonNode stored = inbox.await(m -> m.path("type").asText().equals("message"), WAIT);
            assertThat(stored.path("message").path("text").asText()).isEqualTo("line one\nline two");
        }
        assertThat(stored()).isEqualTo(before + 1);
        end(citizen, chat);
    }

    @Test
    void aStompFrameWithALineBreakInAHeaderIsRefusedWithAnErrorFrameAndStoresNothing() throws Exception {
        StaffSession citizen = citizen();
        JsonNode chat =
                StaffSession.json(citizen.post("/api/v1/chats", Map.of("topic", "Noise", "anyoneInDanger", false)));
        String id = chat.path("contactId").asText();
        long before = stored();
        try (Stomp socket = Stomp.citizen(port)) {
            socket.sendWithHeaders(
                    "/app/chat." + id + ".send",
                    chat.path("chatToken").asText(),
                    Map.of("clientMessageId", "c-1", "text", "hello"),
                    Map.of("x-forged", "ok\n2026-01-01 ERROR a line that never happened"));
            assertThat(socket.errorWithin(WAIT))
                    .startsWith("ERROR frame: The SEND frame was refused: x-forged: Must be on one line");
        }
        assertThat(stored()).isEqualTo(before);
        end(citizen, chat);
    }

    /**
     * Header values are ISO-8859-1 on the wire, so a C1 control is one byte (0x85, 0x9B). No
     * HTTP client library sends it, so these go on a socket of their own.
     */
    @Test
    void headersThatAreStoredPassThePolicy() {
        StaffSession citizen = citizen();
        long before = stored();
        String report = Api.validReport().toString();
        RawHttp.Answer keyed = RawHttp.send(
                port,
                ("POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\n"
                                + "Cookie: " + citizen.cookieHeader() + "\r\nX-XSRF-TOKEN: " + citizen.csrfToken()
                                + "\r\n"
                                + "Content-Type: application/json\r\nContent-Length: " + report.length() + "\r\n"
                                + "Idempotency-Key: key\u0085one\r\nConnection: close\r\n\r\n" + report)
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(keyed, "Idempotency-Key");
        assertThat(stored()).isEqualTo(before);

        String reference = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()))
                .path("reference")
                .asText();
        String contactId = await().atMost(WAIT).until(() -> contactIdOf(reference), id -> id != null);
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        long withReport = stored();
        RawHttp.Answer reasoned = RawHttp.get(
                port,
                "/api/v1/staff/contacts/" + contactId,
                "Cookie: " + auditor.cookieHeader(),
                "X-Access-Reason: checking\u009b[2J");
        assertRefused(reasoned, "X-Access-Reason");
        assertThat(stored()).isEqualTo(withReport);

        // A NUL never reaches the app: Tomcat refuses the header, and the answer is still ours.
        RawHttp.Answer nul = RawHttp.get(
                port,
                "/api/v1/staff/contacts/" + contactId,
                "Cookie: " + auditor.cookieHeader(),
                "X-Access-Reason: a\u0000b");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).startsWith("application/problem+json");
        assertThat(nul.body()).contains("\"status\":400");
        assertThat(stored()).isEqualTo(withReport);

        // The same reason, typed without the control, is logged with the view.
        assertThat(RawHttp.get(
                                port,
                                "/api/v1/staff/contacts/" + contactId,
                                "Cookie: " + auditor.cookieHeader(),
                                "X-Access-Reason: checking")
                        .status())
                .isEqualTo(200);
        assertThat(stored()).isEqualTo(withReport + 1);
    }

    @Test
    void aRefusedCharacterInAQueryParameterIsA400NamingIt() {
        StaffSession handler = handler();
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        for (String bad : List.of("%00", "a%0Ab", "%C2%85", "%E2%80%AE", "%ED%A0%80", "%C3%28")) {
            assertRefused(handler.get("/api/v1/staff/cases?q=" + bad), "q");
            assertRefused(handler.get("/api/v1/staff/cases?status=" + bad), "status");
            for (String parameter : List.of("actor", "channel", "case")) {
                assertRefused(auditor.get("/api/v1/audit/events?" + parameter + "=" + bad), parameter);
            }
            assertRefused(auditor.get("/api/v1/audit/access?viewer=" + bad), "viewer");
            assertRefused(auditor.get("/api/v1/audit/access?reference=" + bad), "reference");
        }
        HttpResponse<String> unicode =
                handler.get("/api/v1/staff/cases?q=" + URLEncoder.encode("Zoe\u0308", StandardCharsets.UTF_8));
        assertThat(unicode.statusCode()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInThePathIsA400NamingThePath() {
        StaffSession citizen = citizen();
        for (String bad : List.of("%01", "%09", "%7F", "%C2%9B", "%E2%80%AE")) {
            HttpResponse<String> response = citizen.get("/api/v1/cases/BL-2026-" + bad + "/tracking");
            assertRefused(response, "path");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    private void assertReadModelsStillFlow() {
        StaffSession citizen = citizen();
        String reference = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()))
                .path("reference")
                .asText();
        await().atMost(WAIT).until(() -> contactIdOf(reference), id -> id != null);
        await().atMost(WAIT)
                .until(
                        () -> StaffSession.json(handler().get("/api/v1/staff/cases?q=" + reference))
                                .size(),
                        n -> n == 1);
    }

    /** Events stored by requests (IntegrationTest.NOT_ON_THEIR_OWN_TIME). */
    private long stored() {
        return jdbc.sql("select count(*) from domain_event_entry where" + NOT_ON_THEIR_OWN_TIME)
                .query(Long.class)
                .single();
    }

    private StaffSession handler;

    private StaffSession handler() {
        if (handler == null) {
            handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        }
        return handler;
    }

    private String contactIdOf(String reference) {
        for (JsonNode entry : StaffSession.json(handler().get("/api/v1/staff/queues/web"))) {
            if (entry.path("reference").asText().equals(reference)) {
                return entry.path("contactId").asText();
            }
        }
        return null;
    }

    private JsonNode contactOf(String reference) {
        String contactId = await().atMost(WAIT).until(() -> contactIdOf(reference), id -> id != null);
        return StaffSession.json(handler().get("/api/v1/staff/contacts/" + contactId));
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertRefused(response, field, "");
    }

    private static void assertRefused(RawHttp.Answer answer, String field) {
        assertThat(answer.status()).as("%s: %s", field, answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"errors\":[{\"field\":\"" + field + "\"");
    }

    private static void assertRefused(HttpResponse<String> response, String field, String why) {
        assertThat(response.statusCode())
                .as("%s %s: %s", field, why, response.body())
                .isEqualTo(400);
        assertThat(fieldsIn(response))
                .as("%s %s: %s", field, why, response.body())
                .containsExactly(field);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
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

    private static HttpResponse<String> postJson(
            StaffSession session, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(session.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(escaped(body)));
        headers.forEach(request::header);
        return session.send(request.build());
    }

    private static String escaped(Object body) {
        try {
            return ESCAPING.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves no chat waiting in the shared queue for later tests. */
    private static void end(StaffSession citizen, JsonNode chat) {
        citizen.send(HttpRequest.newBuilder(
                        citizen.uri("/api/v1/chats/" + chat.path("contactId").asText() + "/end"))
                .header("X-Chat-Token", chat.path("chatToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }
}
