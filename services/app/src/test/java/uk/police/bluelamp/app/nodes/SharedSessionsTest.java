package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/**
 * Behind a round-robin proxy a browser's requests land on any node: a sign-in made on one node
 * must serve on the other (HTTP, CSRF and the live socket), and a sign-out on one must end it on
 * the other, sockets included (docs/adr/0021).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private DataSource database;

    private OtherNode otherNode;

    @BeforeAll
    void startTheOtherNode() throws Exception {
        otherNode = OtherNode.on(database, Map.of());
    }

    @AfterAll
    void stopTheOtherNode() {
        otherNode.close();
    }

    @Test
    void aSignInOnOneNodeServesTheStaffApiOnTheOtherWithItsCsrfToken() {
        StaffSession signedInHere = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        StaffSession there = sameBrowserOn(otherNode.port(), signedInHere);

        JsonNode me = StaffSession.json(there.get("/api/v1/staff/me"));
        assertThat(me.path("username").asText()).isEqualTo("handler");
        assertThat(there.get("/api/v1/staff/queues").statusCode()).isEqualTo(200);

        HttpRequest change = HttpRequest.newBuilder(there.uri("/api/v1/staff/availability"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"OFFLINE\"}"))
                .build();
        assertThat(there.sendWithoutCsrfToken(change).statusCode())
                .as("no token: refused")
                .isEqualTo(403);
        HttpRequest withTokenFromHere = HttpRequest.newBuilder(change, (name, value) -> true)
                .header("X-XSRF-TOKEN", signedInHere.csrfToken())
                .build();
        assertThat(there.sendWithoutCsrfToken(withTokenFromHere).statusCode())
                .as("the token this node signed for the session")
                .isEqualTo(204);
    }

    @Test
    void aSocketOpenedOnTheOtherNodeActsForTheSignInAndASignOutHereEndsIt() throws Exception {
        StaffSession signedInHere = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        try (Stomp console = Stomp.staff(otherNode.port(), signedInHere)) {
            Stomp.Inbox queues = console.subscribe("/topic/queues", null);
            try (Chat another = startChatOn(otherNode.port())) {
                assertThat(queues.await(m -> m.toString().contains(another.contactId()), WAIT))
                        .as("a queue update, there, for the supervisor signed in here")
                        .isNotNull();
            }

            String cookieBeforeSigningOut = signedInHere.cookieHeader();
            assertThat(signedInHere.post("/api/v1/staff/logout", null).statusCode())
                    .isEqualTo(204);

            StaffSession stolenCookie = new StaffSession(otherNode.port());
            assertThat(stolenCookie
                            .sendWithoutCsrfToken(HttpRequest.newBuilder(stolenCookie.uri("/api/v1/staff/queues"))
                                    .header("Cookie", cookieBeforeSigningOut)
                                    .GET()
                                    .build())
                            .statusCode())
                    .as("the cookie, there, after signing out here")
                    .isEqualTo(401);
            await().atMost(WAIT).until(() -> !console.connected());
        }
    }

    /** Spring Session's cleanup deletes expired rows and tells no one: the sockets must notice by themselves. */
    @Test
    void aSignInThatExpiresClosesItsSocketOnTheOtherNode() throws Exception {
        StaffSession signedInHere = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        try (Stomp console = Stomp.staff(otherNode.port(), signedInHere)) {
            console.subscribe("/topic/queues", null);
            // Last used an hour ago: past the 30-minute idle timeout, not yet deleted by the cleanup.
            assertThat(jdbc.sql("""
                            update spring_session set last_access_time = last_access_time - 3600000,
                                                      expiry_time = expiry_time - 3600000
                            where session_id = :id""").param("id", sessionId(signedInHere)).update())
                    .isEqualTo(1);
            await().atMost(WAIT).until(() -> !console.connected());
        }
    }

    /** The session id in the cookie, which Spring Session writes in base64. */
    private static String sessionId(StaffSession browser) {
        String cookie = Arrays.stream(browser.cookieHeader().split("; "))
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow()
                .substring("JSESSIONID=".length());
        return new String(Base64.getDecoder().decode(cookie.replace("\"", "")), StandardCharsets.UTF_8);
    }

    private static StaffSession sameBrowserOn(int otherPort, StaffSession browser) {
        return browser.onNode(otherPort);
    }

    /** Starts a chat there and returns its id; the chat is ended when the test closes it. */
    private static Chat startChatOn(int nodePort) {
        JsonNode started = StaffSession.json(new StaffSession(nodePort)
                .post(
                        "/api/v1/chats",
                        Map.of("name", "Nodes", "topic", "A car alarm all night", "anyoneInDanger", false)));
        return new Chat(
                nodePort,
                started.path("contactId").asText(),
                started.path("chatToken").asText());
    }

    /** Leaves no chat waiting in the shared queue for later tests. */
    private record Chat(int nodePort, String contactId, String token) implements AutoCloseable {
        @Override
        public void close() {
            StaffSession citizen = new StaffSession(nodePort);
            assertThat(citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + contactId + "/end"))
                                    .header("X-Chat-Token", token)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build())
                            .statusCode())
                    .isEqualTo(204);
        }
    }
}
