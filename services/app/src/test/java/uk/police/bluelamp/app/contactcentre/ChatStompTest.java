package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.web.socket.WebSocketHttpHeaders;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/** Live chat between a citizen and a handler over real STOMP connections. */
class ChatStompTest extends IntegrationTest {

    @Autowired
    private UserDetailsService staff;

    static final Duration WAIT = Duration.ofSeconds(10);

    record Chat(String contactId, String token) {}

    Chat startChat(String name) {
        return startChat(port, name);
    }

    static Chat startChat(int port, String name) {
        JsonNode started = StaffSession.json(new StaffSession(port)
                .post(
                        "/api/v1/chats",
                        Map.of(
                                "name",
                                name,
                                "topic",
                                "Someone keeps parking across my drive",
                                "anyoneInDanger",
                                false)));
        return new Chat(
                started.path("contactId").asText(), started.path("chatToken").asText());
    }

    /** Taking works from the queue's read model: wait until it holds the chat, then take it once. */
    static void take(StaffSession handler, Chat chat) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/queues").body().contains("\"" + chat.contactId() + "\""));
        assertThat(handler.post("/api/v1/staff/contacts/" + chat.contactId() + "/take", null)
                        .statusCode())
                .isEqualTo(200);
    }

    /** One side's view of the transcript: by seq, so a message seen twice counts once. */
    static final class Transcript {
        final TreeMap<Long, String> bySeq = new TreeMap<>();
        long lastSeq;

        void see(JsonNode message) {
            bySeq.put(
                    message.path("seq").asLong(),
                    message.path("author").asText() + ": "
                            + message.path("text").asText());
            lastSeq = Math.max(lastSeq, message.path("seq").asLong());
        }
    }

    @Test
    void aHandlerSeesTheChatArriveTakesItAndBothSidesTalkLive() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox queues = console.subscribe("/topic/queues", null);
            Chat chat = startChat("Robin");
            queues.await(
                    item -> item.path("contactId").asText().equals(chat.contactId())
                            && item.path("state").asText().equals("WAITING"),
                    WAIT);

            try (Stomp citizen = Stomp.citizen(port)) {
                Stomp.Inbox citizenInbox = citizen.subscribe("/topic/chat." + chat.contactId(), chat.token());
                assertThat(handler.post("/api/v1/staff/contacts/" + chat.contactId() + "/take", null)
                                .statusCode())
                        .isEqualTo(200);
                citizenInbox.await(m -> m.path("state").asText().equals("ACTIVE"), WAIT);
                Stomp.Inbox handlerInbox = console.subscribe("/topic/chat." + chat.contactId(), null);

                citizen.send(
                        "/app/chat." + chat.contactId() + ".send",
                        chat.token(),
                        Map.of("clientMessageId", "c-1", "text", "Hello?"));
                JsonNode atHandler =
                        handlerInbox.await(m -> m.path("type").asText().equals("message"), WAIT);
                assertThat(atHandler.path("message").path("text").asText()).isEqualTo("Hello?");
                assertThat(atHandler.path("message").path("seq").asLong()).isEqualTo(1);

                console.send(
                        "/app/chat." + chat.contactId() + ".send",
                        null,
                        Map.of("clientMessageId", "h-1", "text", "Hello Robin, how can I help?"));
                JsonNode atCitizen = citizenInbox.await(
                        m -> m.path("type").asText().equals("message")
                                && m.path("message").path("author").asText().equals("HANDLER"),
                        WAIT);
                // A handler with no display name set is a neutral title to the citizen, never their username.
                assertThat(atCitizen.path("message").path("authorName").asText())
                        .isEqualTo("Call handler");
                assertThat(atCitizen.path("message").path("seq").asLong()).isEqualTo(2);

                // Each side sees the other typing; nothing of it is stored.
                long stored = eventCount();
                citizen.send("/app/chat." + chat.contactId() + ".typing", chat.token(), Map.of());
                handlerInbox.await(
                        m -> m.path("type").asText().equals("typing")
                                && m.path("author").asText().equals("CITIZEN"),
                        WAIT);
                console.send("/app/chat." + chat.contactId() + ".typing", null, Map.of());
                citizenInbox.await(
                        m -> m.path("type").asText().equals("typing")
                                && m.path("author").asText().equals("HANDLER"),
                        WAIT);
                assertThat(eventCount()).isEqualTo(stored);
            }
        }
    }

    @Test
    void noMessageIsLostOrDuplicatedWhenTheCitizensConnectionDrops() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        Chat chat = startChat("Jo");
        take(handler, chat);
        Transcript citizenSees = new Transcript();
        Transcript handlerSees = new Transcript();

        try (TcpProxy flakyNetwork = new TcpProxy(port);
                Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox handlerInbox = console.subscribe("/topic/chat." + chat.contactId(), null);
            Stomp citizen = Stomp.citizen(flakyNetwork.port());
            Stomp.Inbox citizenInbox = citizen.subscribe("/topic/chat." + chat.contactId(), chat.token());

            for (int i = 1; i <= 3; i++) {
                citizen.send(dest(chat), chat.token(), Map.of("clientMessageId", "c-" + i, "text", "citizen " + i));
                console.send(dest(chat), null, Map.of("clientMessageId", "h-" + i, "text", "handler " + i));
            }
            collect(citizenInbox, citizenSees, 6);
            collect(handlerInbox, handlerSees, 6);

            flakyNetwork.dropAll(); // mid-conversation, without a goodbye
            List<Map<String, String>> unsent = new ArrayList<>();
            for (int i = 4; i <= 6; i++) {
                console.send(dest(chat), null, Map.of("clientMessageId", "h-" + i, "text", "handler " + i));
                unsent.add(Map.of("clientMessageId", "c-" + i, "text", "citizen " + i)); // typed while offline
            }
            collect(handlerInbox, handlerSees, 9);

            // Reconnect: resume from the last message seen, then resend what never came back.
            Stomp reconnected = Stomp.citizen(flakyNetwork.port());
            Stomp.Inbox resumed = reconnected.subscribe("/topic/chat." + chat.contactId(), chat.token());
            // The resume reads the chat's state from its read model (a processor of its own), not only the events.
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> jdbc.sql("select count(*) from chat_session where contact_id = :id")
                                    .param("id", chat.contactId())
                                    .query(Long.class)
                                    .single()
                            == 1);
            JsonNode missed = StaffSession.json(new StaffSession(port)
                    .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chats/"
                                    + chat.contactId() + "?after=" + citizenSees.lastSeq))
                            .header("X-Chat-Token", chat.token())
                            .GET()
                            .build()));
            missed.path("messages").forEach(citizenSees::see);
            unsent.add(0, Map.of("clientMessageId", "c-3", "text", "citizen 3")); // a resend of one already stored
            for (Map<String, String> message : unsent) {
                reconnected.send(dest(chat), chat.token(), message);
            }
            collect(resumed, citizenSees, 12);
            collect(handlerInbox, handlerSees, 12);
            reconnected.close();
            citizen.close();
        }

        // Both sides see the same twelve messages, numbered 1..12 without gaps, each side's own
        // messages in the order it sent them, and the resent one only once.
        assertThat(citizenSees.bySeq.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(handlerSees.bySeq).isEqualTo(citizenSees.bySeq);
        assertThat(citizenSees.bySeq.values())
                .containsSubsequence(
                        "CITIZEN: citizen 1",
                        "CITIZEN: citizen 2",
                        "CITIZEN: citizen 3",
                        "CITIZEN: citizen 4",
                        "CITIZEN: citizen 5",
                        "CITIZEN: citizen 6")
                .containsSubsequence(
                        "HANDLER: handler 1",
                        "HANDLER: handler 2",
                        "HANDLER: handler 3",
                        "HANDLER: handler 4",
                        "HANDLER: handler 5",
                        "HANDLER: handler 6")
                .doesNotHaveDuplicates();
        assertThat(jdbc.sql(
                                "select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like '%ChatMessagePosted'")
                        .param("id", chat.contactId())
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
    }

    @Test
    void anotherHandlerAndAWrongTokenHearNothingOfAChat() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        StaffSession other = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        Chat chat = startChat("Alex");
        take(handler, chat);

        try (Stomp console = Stomp.staff(port, handler);
                Stomp eavesdropper = Stomp.staff(port, other);
                Stomp stranger = Stomp.citizen(port);
                Stomp citizen = Stomp.citizen(port)) {
            Stomp.Inbox handlerInbox = console.subscribe("/topic/chat." + chat.contactId(), null);
            Stomp.Inbox overheard = eavesdropper.attempt("/topic/chat." + chat.contactId(), null);
            Stomp.Inbox guessed = stranger.attempt("/topic/chat." + chat.contactId(), "not-the-token");
            Stomp.Inbox queues = stranger.attempt("/topic/queues", null);
            Thread.sleep(500);
            stranger.send(dest(chat), "not-the-token", Map.of("clientMessageId", "x-1", "text", "let me in"));
            citizen.send(dest(chat), chat.token(), Map.of("clientMessageId", "c-1", "text", "private matter"));

            JsonNode delivered = handlerInbox.await(m -> m.path("type").asText().equals("message"), WAIT);
            assertThat(delivered.path("message").path("text").asText()).isEqualTo("private matter");
            // Each refused subscription is told so, in a notice that carries nothing of the chat, and hears nothing
            // else.
            assertOnlyRefused(overheard, Duration.ofSeconds(2));
            assertOnlyRefused(guessed, Duration.ofMillis(200));
            assertOnlyRefused(queues, Duration.ofMillis(200));
        }
        assertThat(jdbc.sql(
                                "select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like '%ChatMessagePosted'")
                        .param("id", chat.contactId())
                        .query(Long.class)
                        .single())
                .as("the stranger's message was not stored")
                .isEqualTo(1);
    }

    @Test
    void aLiveChatIsForItsHandlerAloneButItsTranscriptJoinsTheRecordOnceEnded() {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        UserDetailsManager accounts = (UserDetailsManager) staff;
        if (!accounts.userExists("colleague")) {
            accounts.createUser(User.withUsername("colleague")
                    .password("{noop}colleague-password")
                    .roles("HANDLER")
                    .build());
        }
        StaffSession colleague = StaffSession.signedIn(port, "colleague", "colleague-password");
        Chat chat = startChat("Kim");
        take(handler, chat);
        assertThat(colleague
                        .get("/api/v1/staff/contacts/" + chat.contactId() + "/chat")
                        .statusCode())
                .as("another handler cannot read a live chat")
                .isEqualTo(403);
        StaffSession citizenHttp = new StaffSession(port);
        citizenHttp.send(HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + chat.contactId() + "/messages"))
                .header("X-Chat-Token", chat.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"clientMessageId\":\"k-1\",\"text\":\"My car was keyed\"}"))
                .build());
        assertThat(handler.post("/api/v1/staff/contacts/" + chat.contactId() + "/chat/end", null)
                        .statusCode())
                .isEqualTo(204);
        String transcript = "/api/v1/staff/contacts/" + chat.contactId() + "/chat";
        Awaitility.await().until(() -> colleague.get(transcript).statusCode() == 428);
        assertThat(StaffSession.json(colleague.get(transcript))
                        .path("reasonRequired")
                        .asBoolean())
                .as("another handler's ended chat is opened with a reason")
                .isTrue();
        var withReason = colleague.send(HttpRequest.newBuilder(colleague.uri(transcript))
                .header("X-Access-Reason", "Follow-up call")
                .GET()
                .build());
        assertThat(StaffSession.json(withReason).findValuesAsText("text")).containsExactly("My car was keyed");
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        Awaitility.await()
                .until(() -> StaffSession.json(auditor.get("/api/v1/audit/access?viewer=colleague"))
                        .toString()
                        .contains("Follow-up call"));
    }

    @Test
    void aCitizenWhoLeavesWhileWaitingIsRecordedAsAbandoned() throws Exception {
        Chat chat = startChat("Sam");
        StaffSession citizenHttp = new StaffSession(port);
        var ended =
                citizenHttp.send(HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + chat.contactId() + "/end"))
                        .header("X-Chat-Token", chat.token())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        assertThat(ended.statusCode()).isEqualTo(204);
        Awaitility.await()
                .until(() -> jdbc.sql("select abandoned from queue_item where contact_id = :id")
                        .param("id", chat.contactId())
                        .query(Boolean.class)
                        .optional()
                        .orElse(false));
    }

    @Test
    void aStaffSocketWithoutTheCsrfTokenIsRefused() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", handler.cookieHeader());
        handshake.setOrigin("http://localhost:" + port);
        try (Stomp forged = Stomp.connect(port, handshake, new StompHeaders())) {
            assertThat(forged.connected()).isFalse();
        } catch (Exception refused) {
            assertThat(refused).isNotNull(); // the CONNECT itself was refused
        }
    }

    private static void assertOnlyRefused(Stomp.Inbox inbox, Duration quiet) throws InterruptedException {
        JsonNode notice = inbox.poll(WAIT);
        assertThat(notice).isNotNull();
        assertThat(notice.toString()).isEqualTo("{\"type\":\"access-ended\"}");
        assertThat(inbox.nothingWithin(quiet)).isTrue();
    }

    private static String dest(Chat chat) {
        return "/app/chat." + chat.contactId() + ".send";
    }

    private static void collect(Stomp.Inbox inbox, Transcript transcript, int until) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (transcript.bySeq.size() < until && System.nanoTime() < deadline) {
            try {
                JsonNode frame = inbox.next(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                if (frame.path("type").asText().equals("message")) {
                    transcript.see(frame.path("message"));
                }
            } catch (AssertionError timeout) {
                break;
            }
        }
        assertThat(transcript.bySeq).as("messages seen").hasSizeGreaterThanOrEqualTo(until);
    }
}
