package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/** The production limits hold per client and per reference, and a forged X-Forwarded-For prefix is not believed. */
class RateLimitTest extends ProductionLimits {

    @Test
    void aClientThatHasSentTenReportsInTenMinutesIsToldToWaitAndAnotherClientIsNot() {
        String client = "203.0.113.10";
        for (int i = 0; i < 10; i++) {
            // Invalid reports count too: a client probing the form is throttled like any other.
            assertThat(reportFrom(client).statusCode()).isEqualTo(400);
        }
        HttpResponse<String> refused = reportFrom(client);
        assertThat(refused.statusCode()).isEqualTo(429);
        // Ten per ten minutes refills one a minute.
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(StaffSession.json(refused).path("title").asText()).isEqualTo("Too many requests");

        assertThat(reportFrom("203.0.113.11").statusCode()).isEqualTo(400);
        // Whatever a client writes to the left of the proxy's entry is not believed.
        assertThat(send(post("/api/v1/reports", "{}").header("X-Forwarded-For", "198.51.100.1, " + client))
                        .statusCode())
                .isEqualTo(429);
    }

    @Test
    void aChatIsLimitedWhoeverAsksAndAnotherChatIsNot() {
        String chat = UUID.randomUUID().toString();
        // Sixty a minute per chat, from three clients so no client's own limit is reached.
        for (int i = 0; i < 60; i++) {
            assertThat(send(get("/api/v1/chats/" + chat).header("X-Forwarded-For", "203.0.113.2" + i % 3))
                            .statusCode())
                    .isEqualTo(404);
        }
        // What refilled (one a second) while those sixty were sent is spent too.
        int refilled = 0;
        while (send(get("/api/v1/chats/" + chat).header("X-Forwarded-For", "203.0.113.28"))
                        .statusCode()
                != 429) {
            refilled++;
        }
        assertThat(refilled).as("one a second, while asking").isLessThan(30);
        HttpResponse<String> refused = send(get("/api/v1/chats/" + chat).header("X-Forwarded-For", "203.0.113.29"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(send(get("/api/v1/chats/" + UUID.randomUUID()).header("X-Forwarded-For", "203.0.113.29"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void trackingIsLimitedPerClientAcrossSpellingsButACaseHasNoAllowanceOthersCouldSpend() {
        // Not in the reference format, so the tracking lockout (TrackingAttempts) never counts them.
        for (int i = 0; i < 30; i++) {
            String spelling = i % 2 == 0 ? "NO-SUCH-CASE-1" : "no-such-case-1";
            assertThat(track(spelling, "203.0.113.40").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> refused = track("NO%2DSUCH-CASE-1", "203.0.113.40");
        assertThat(refused.statusCode()).isEqualTo(429);
        // Thirty a minute refills one every two seconds.
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 2L);
        // References are sequential: a per-case allowance would let anyone spend a citizen's.
        assertThat(track("NO-SUCH-CASE-1", "203.0.113.49").statusCode()).isEqualTo(404);
        assertThat(track("NO-SUCH-CASE-2", "203.0.113.49").statusCode()).isEqualTo(404);
    }

    @Test
    void callBacksAndChatStartsAreLimitedPerClient() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(post("/api/v1/callbacks", "{}").header("X-Forwarded-For", "203.0.113.50"))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(send(post("/api/v1/chats", "{}").header("X-Forwarded-For", "203.0.113.50"))
                            .statusCode())
                    .isEqualTo(400);
        }
        assertThat(send(post("/api/v1/callbacks", "{}").header("X-Forwarded-For", "203.0.113.50"))
                        .statusCode())
                .isEqualTo(429);
        assertThat(send(post("/api/v1/chats", "{}").header("X-Forwarded-For", "203.0.113.50"))
                        .statusCode())
                .isEqualTo(429);
        assertThat(send(post("/api/v1/callbacks", "{}").header("X-Forwarded-For", "203.0.113.51"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void chatMessagesSentOverTheSocketCountAgainstTheSameChatLimit() throws Exception {
        JsonNode chat = StaffSession.json(send(post("/api/v1/chats", "{\"topic\":\"Noise\",\"anyoneInDanger\":false}")
                .header("X-Forwarded-For", "203.0.113.60")));
        String id = chat.path("contactId").asText();
        String token = chat.path("chatToken").asText();
        // The chat's state comes from its read model, which may trail the start; waited for in the
        // database, as every request for the chat counts against its limit.
        await().until(() -> jdbc.sql("select count(*) from chat_session where contact_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1);
        try (Stomp socket = Stomp.citizen(port)) {
            Stomp.Inbox inbox = socket.subscribe("/topic/chat." + id, token);
            // The socket is ready first, so the message follows the spent allowance at once, before
            // the chat's allowance (one a second) refills.
            for (int i = 0; i < 60; i++) {
                assertThat(send(get("/api/v1/chats/" + id)
                                        .header("X-Chat-Token", token)
                                        .header("X-Forwarded-For", "203.0.113.6" + i % 3))
                                .statusCode())
                        .isEqualTo(200);
            }
            // What refilled during those sixty is spent too.
            int refilled = 0;
            while (send(get("/api/v1/chats/" + id)
                                    .header("X-Chat-Token", token)
                                    .header("X-Forwarded-For", "203.0.113.63"))
                            .statusCode()
                    != 429) {
                refilled++;
            }
            assertThat(refilled).as("one a second, while reading").isLessThan(30);
            socket.send("/app/chat." + id + ".send", token, Map.of("clientMessageId", "c-1", "text", "one too many"));
            JsonNode refused = inbox.await(m -> m.path("type").asText().equals("error"), Duration.ofSeconds(5));
            assertThat(refused.path("clientMessageId").asText()).isEqualTo("c-1");
            assertThat(refused.path("message").asText()).startsWith("Too many messages. Try again in ");
        }
        assertThat(jdbc.sql(
                                "select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like '%ChatMessagePosted'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private HttpResponse<String> reportFrom(String client) {
        return send(post("/api/v1/reports", "{}").header("X-Forwarded-For", client));
    }

    private HttpResponse<String> track(String reference, String client) {
        return send(get("/api/v1/cases/" + reference + "/tracking")
                .header("X-Tracking-Code", "WRONG-CODE")
                .header("X-Forwarded-For", client));
    }
}
