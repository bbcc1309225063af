package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * A right to a live stream lasts only as long as the thing it rests on: the chat's assignment,
 * the staff member's sign-in, their role. Each test holds a real socket open across the change.
 */
class StreamRightsTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a socket that has lost its right is watched for anything else arriving. */
    static final Duration QUIET = Duration.ofSeconds(1);

    @Autowired
    private UserDetailsService staff;

    record Chat(String contactId, String token) {
        String topic() {
            return "/topic/chat." + contactId;
        }

        String send() {
            return "/app/chat." + contactId + ".send";
        }
    }

    @Test
    void theOldHandlersSocketHearsNothingMoreOnceTheChatIsTransferredWhileTheCitizenAndTheNewHandlerDo()
            throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        StaffSession colleague = StaffSession.signedIn(port, account("colleague", "HANDLER"), "colleague-password");
        Chat chat = startChat("Transferred");
        assertThat(handler.post("/api/v1/staff/contacts/" + chat.contactId() + "/take", null)
                        .statusCode())
                .isEqualTo(200);

        try (Stomp oldConsole = Stomp.staff(port, handler);
                Stomp newConsole = Stomp.staff(port, colleague);
                Stomp citizen = Stomp.citizen(port)) {
            Stomp.Inbox old = oldConsole.subscribe(chat.topic(), null);
            Stomp.Inbox citizens = citizen.subscribe(chat.topic(), chat.token());

            assertThat(handler.post(
                                    "/api/v1/staff/contacts/" + chat.contactId() + "/transfer",
                                    Map.of("toHandler", "colleague", "note", "Going off shift"))
                            .statusCode())
                    .isEqualTo(204);
            assertThat(old.await(StreamRightsTest::accessEnded, WAIT))
                    .as("the old handler is told, without content")
                    .hasSize(1);

            Stomp.Inbox taken = newConsole.subscribe(chat.topic(), null);
            citizen.send(chat.send(), chat.token(), Map.of("clientMessageId", "t-1", "text", "Are you still there?"));

            assertThat(messageText(taken.await(StreamRightsTest::isMessage, WAIT)))
                    .isEqualTo("Are you still there?");
            assertThat(messageText(citizens.await(StreamRightsTest::isMessage, WAIT)))
                    .isEqualTo("Are you still there?");
            assertThat(old.nothingWithin(QUIET)).as("nothing after the notice").isTrue();
        }
    }

    @Test
    void closingAChatEndsTheHandlersStream() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        Chat chat = startChat("Closed");
        assertThat(handler.post("/api/v1/staff/contacts/" + chat.contactId() + "/take", null)
                        .statusCode())
                .isEqualTo(200);

        try (Stomp console = Stomp.staff(port, handler);
                Stomp citizen = Stomp.citizen(port);
                Stomp observer = Stomp.citizen(port)) {
            Stomp.Inbox handlers = console.subscribe(chat.topic(), null);
            assertThat(handler.post(
                                    "/api/v1/staff/contacts/" + chat.contactId() + "/close",
                                    Map.of("outcome", "Advice given"))
                            .statusCode())
                    .isEqualTo(204);
            handlers.await(StreamRightsTest::accessEnded, WAIT);

            Stomp.Inbox stillListening = observer.subscribe(chat.topic(), chat.token());
            citizen.send(chat.send(), chat.token(), Map.of("clientMessageId", "c-1", "text", "One more thing"));
            stillListening.await(m -> m.path("type").asText().equals("error"), WAIT);
            assertThat(handlers.nothingWithin(QUIET)).isTrue();
        }
    }

    @Test
    void whenAChatEndsBothSidesSeeTheEndAndThenTheStreamStops() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        Chat chat = startChat("Ended");
        assertThat(handler.post("/api/v1/staff/contacts/" + chat.contactId() + "/take", null)
                        .statusCode())
                .isEqualTo(200);

        try (Stomp console = Stomp.staff(port, handler);
                Stomp citizen = Stomp.citizen(port);
                Stomp observer = Stomp.citizen(port)) {
            Stomp.Inbox handlers = console.subscribe(chat.topic(), null);
            Stomp.Inbox citizens = citizen.subscribe(chat.topic(), chat.token());
            StaffSession citizenHttp = new StaffSession(port);
            assertThat(citizenHttp
                            .send(HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + chat.contactId() + "/end"))
                                    .header("X-Chat-Token", chat.token())
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build())
                            .statusCode())
                    .isEqualTo(204);
            handlers.await(m -> m.path("state").asText().equals("ENDED"), WAIT);
            citizens.await(m -> m.path("state").asText().equals("ENDED"), WAIT);

            // Something more on the topic: a newcomer hears it, the ended subscriptions do not.
            Stomp.Inbox newcomer = observer.subscribe(chat.topic(), chat.token());
            observer.send(chat.send(), chat.token(), Map.of("clientMessageId", "late-1", "text", "Hello?"));
            newcomer.await(m -> m.path("type").asText().equals("error"), WAIT);
            assertThat(handlers.nothingWithin(QUIET)).isTrue();
            assertThat(citizens.nothingWithin(Duration.ofMillis(200))).isTrue();
        }
    }

    @Test
    void signingOutClosesTheSocketsOpenedFromThatSignIn() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox queues = console.subscribe("/topic/queues", null);
            assertThat(handler.post("/api/v1/staff/logout", null).statusCode()).isEqualTo(204);

            await().atMost(WAIT).until(() -> !console.connected());
            Chat arrived = startChat("After sign-out");
            assertThat(queues.nothingWithin(QUIET))
                    .as("no queue update for " + arrived.contactId())
                    .isTrue();
            end(arrived);
        }
    }

    @Test
    void aSocketDoesNotKeepTheRightsOfASignInThatHasSinceChanged() throws Exception {
        String shifting = account("shifting", "HANDLER");
        StaffSession browser = StaffSession.signedIn(port, shifting, "shifting-password");
        try (Stomp console = Stomp.staff(port, browser)) {
            Stomp.Inbox queues = console.subscribe("/topic/queues", null);
            Chat before = startChat("Before the role changed");
            queues.await(item -> item.path("contactId").asText().equals(before.contactId()), WAIT);
            end(before);
            queues.await(
                    item -> item.path("contactId").asText().equals(before.contactId())
                            && item.path("state").asText().equals("ABANDONED"),
                    WAIT);

            // The same person signs in again in the same browser, now as an auditor only.
            ((UserDetailsManager) staff)
                    .updateUser(User.withUsername(shifting)
                            .password("{noop}shifting-password")
                            .roles("AUDITOR")
                            .build());
            assertThat(browser.signIn(shifting, "shifting-password")).isEqualTo(200);
            Chat after = startChat("After the role changed");

            assertThat(queues.nothingWithin(QUIET))
                    .as("no queue update for " + after.contactId())
                    .isTrue();
            await().atMost(WAIT).until(() -> !console.connected());
            end(after);
        } finally {
            ((UserDetailsManager) staff)
                    .updateUser(User.withUsername(shifting)
                            .password("{noop}shifting-password")
                            .roles("HANDLER")
                            .build());
        }
    }

    private String account(String username, String role) {
        UserDetailsManager accounts = (UserDetailsManager) staff;
        if (!accounts.userExists(username)) {
            accounts.createUser(User.withUsername(username)
                    .password("{noop}" + username + "-password")
                    .roles(role)
                    .build());
        }
        return username;
    }

    private Chat startChat(String name) {
        JsonNode started = StaffSession.json(new StaffSession(port)
                .post(
                        "/api/v1/chats",
                        Map.of("name", name, "topic", "Noise from the flat upstairs", "anyoneInDanger", false)));
        return new Chat(
                started.path("contactId").asText(), started.path("chatToken").asText());
    }

    /** Leaves no chat waiting in the shared queue for later tests. */
    private void end(Chat chat) {
        StaffSession citizen = new StaffSession(port);
        assertThat(citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chat.contactId() + "/end"))
                                .header("X-Chat-Token", chat.token())
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(204);
    }

    static boolean accessEnded(JsonNode frame) {
        return frame.path("type").asText().equals("access-ended");
    }

    static boolean isMessage(JsonNode frame) {
        return frame.path("type").asText().equals("message");
    }

    static String messageText(JsonNode frame) {
        return frame.path("message").path("text").asText();
    }
}
