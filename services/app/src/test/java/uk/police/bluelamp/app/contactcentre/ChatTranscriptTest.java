package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.ChatStompTest.Chat;

/** A chat's citizen asks for a copy by email: sent once, through Notify, with what they saw and nothing else. */
class ChatTranscriptTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCopyIsSentOnceWithTheMessagesTheCitizenSawAndNoInternalNote() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        Chat chat = ChatStompTest.startChat(port, "Robin");
        ChatStompTest.take(handler, chat);
        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox seen = console.subscribe("/topic/chat." + chat.contactId(), null);
            console.send(
                    "/app/chat." + chat.contactId() + ".send",
                    null,
                    Map.of("clientMessageId", "h-1", "text", "Hello, how can I help?"));
            seen.await(m -> m.path("type").asText().equals("message"), WAIT);
        }
        assertThat(citizen(chat, "/messages", Map.of("clientMessageId", "c-1", "text", "My bike was taken"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(handler.post(
                                "/api/v1/staff/contacts/" + chat.contactId() + "/triage",
                                Map.of("grade", "SCHEDULED", "rationale", "Known to us: see intelligence log"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(handler.post("/api/v1/staff/contacts/" + chat.contactId() + "/chat/end", null)
                        .statusCode())
                .isEqualTo(204);

        var asked = citizen(chat, "/transcript", Map.of("email", " robin@example.com "));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);

        JsonNode email = await().atMost(WAIT)
                .until(() -> sentTo("robin@example.com"), found -> found.size() == 1)
                .get(0);
        assertThat(email.path("template_id").asText()).isEqualTo(FakeNotify.TRANSCRIPT_EMAIL_TEMPLATE);
        String transcript = email.path("personalisation").path("transcript").asText();
        assertThat(transcript)
                .contains("handler (", "Hello, how can I help?", "You (", "My bike was taken")
                .doesNotContain("intelligence", "Robin");
        assertThat(transcript.indexOf("Hello")).isLessThan(transcript.indexOf("My bike"));
        // Recorded as sent (the disclosure an auditor sees), and never sent again.
        await().atMost(WAIT).until(() -> events(chat, "ChatTranscriptSent") == 1);
        assertThat(sentTo("robin@example.com")).hasSize(1);
        // The address is stored only inside the request event, encrypted under the chat's subject key.
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id"
                                + " and convert_from(payload, 'UTF8') like '%robin@example.com%'")
                        .param("id", chat.contactId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aBadAddressAWrongTokenOrAnUnreadableTextIsRefusedAndStoresNothing() {
        Chat chat = ChatStompTest.startChat(port, "Ash");
        citizen(chat, "/messages", Map.of("clientMessageId", "c-1", "text", "Hello?"));
        long before = events(chat, "ChatTranscriptRequested");

        var badAddress = citizen(chat, "/transcript", Map.of("email", "ash at example"));
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(StaffSession.json(badAddress).toString()).contains("email", "in the correct format");
        var none = citizen(chat, "/transcript", Map.of("email", "  "));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(StaffSession.json(none).toString()).contains("Enter your email address");
        var tooLong = citizen(chat, "/transcript", Map.of("email", "a".repeat(10_000) + "@example.com"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        var nul = citizen(chat, "/transcript", Map.of("email", "ash\u0000@example.com"));
        assertThat(nul.statusCode()).isEqualTo(400);
        var wrongToken = new Chat(chat.contactId(), "not-the-token");
        assertThat(citizen(wrongToken, "/transcript", Map.of("email", "ash@example.com"))
                        .statusCode())
                .isEqualTo(404);

        assertThat(events(chat, "ChatTranscriptRequested")).isEqualTo(before);
        assertThat(sentTo("ash@example.com")).isEmpty();
    }

    private HttpResponse<String> citizen(Chat chat, String path, Map<String, String> body) {
        StaffSession http = new StaffSession(port);
        try {
            return http.send(HttpRequest.newBuilder(http.uri("/api/v1/chats/" + chat.contactId() + path))
                    .header("X-Chat-Token", chat.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long events(Chat chat, String type) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id"
                        + " and payload_type like :type")
                .param("id", chat.contactId())
                .param("type", "%" + type)
                .query(Long.class)
                .single();
    }

    private static List<JsonNode> sentTo(String address) {
        return FakeNotify.get().sent().stream()
                .map(FakeNotify.Sent::body)
                .filter(body -> body.path("email_address").asText().equals(address))
                .toList();
    }
}
