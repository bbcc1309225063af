package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/**
 * Two nodes on one database, as in production: the test's own app and a second one started
 * once for the class. Each node has its own memory (caches, sockets, pushes), so what one node
 * did must hold on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondNodeTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private DataSource database;

    private ConfigurableApplicationContext otherNode;
    private int otherPort;

    @BeforeAll
    void startTheOtherNode() throws Exception {
        // Keys are read from the table every time there, as on a node that has never seen them.
        otherNode = startAnotherNode(Map.of("bluelamp.personal-data.key-cache-ttl", "PT0S"));
        otherPort = ((WebServerApplicationContext) otherNode).getWebServer().getPort();
    }

    @AfterAll
    void stopTheOtherNode() {
        otherNode.close();
    }

    /**
     * The other node caches no key, as a node that has never held this case's key: it reads it
     * from the key table while building the case as it was, a view whose transaction hides the
     * live tables behind temporary ones.
     */
    @Test
    void anAuditorOnANodeThatNeverReadTheCaseSeesItAsItWas() {
        Api.Response created = new Api(port).report(Api.validReport());
        String ref = created.text("reference");
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        assertThat(handler.post("/api/v1/staff/cases/" + ref + "/notes", Map.of("text", "Spoke to the neighbour"))
                        .statusCode())
                .isEqualTo(204);
        StaffSession auditor = StaffSession.signedIn(otherPort, "auditor", "blue-lamp-auditor");
        var asOf = auditor.send(
                HttpRequest.newBuilder(auditor.uri("/api/v1/audit/cases/" + ref + "/as-of?at=" + Instant.now()))
                        .header("X-Access-Reason", "Review")
                        .GET()
                        .build());
        assertThat(asOf.statusCode()).as(asOf.body()).isEqualTo(200);
        assertThat(StaffSession.json(asOf).path("status").asText()).isEqualTo("RECEIVED");
        assertThat(asOf.body())
                .as("the note, decrypted with the key read there")
                .contains("Spoke to the neighbour");
    }

    /**
     * A node pushes only what its own commands stored, so a transfer made on the other node
     * never reaches this node's live handlers: the old handler's socket here must be stopped by
     * the check made as each frame goes out.
     */
    @Test
    void aTransferMadeOnAnotherNodeStopsTheOldHandlersStreamHereAtTheNextMessage() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        JsonNode started = StaffSession.json(new StaffSession(port)
                .post(
                        "/api/v1/chats",
                        Map.of("name", "Nodes", "topic", "A car alarm all night", "anyoneInDanger", false)));
        String contactId = started.path("contactId").asText();
        String token = started.path("chatToken").asText();
        assertThat(handler.post("/api/v1/staff/contacts/" + contactId + "/take", null)
                        .statusCode())
                .isEqualTo(200);

        try (Stomp console = Stomp.staff(port, handler);
                Stomp citizen = Stomp.citizen(port)) {
            Stomp.Inbox handlers = console.subscribe("/topic/chat." + contactId, null);
            Stomp.Inbox citizens = citizen.subscribe("/topic/chat." + contactId, token);

            StaffSession sameHandlerThere = StaffSession.signedIn(otherPort, "handler", "blue-lamp-handler");
            assertThat(sameHandlerThere
                            .post(
                                    "/api/v1/staff/contacts/" + contactId + "/transfer",
                                    Map.of("toChannel", "CHAT", "note", "Back to the queue"))
                            .statusCode())
                    .isEqualTo(204);

            citizen.send("/app/chat." + contactId + ".send", token, Map.of("clientMessageId", "n-1", "text", "Hello?"));
            assertThat(citizens.await(m -> m.path("type").asText().equals("message"), WAIT)
                            .path("message")
                            .path("text")
                            .asText())
                    .isEqualTo("Hello?");
            JsonNode instead = handlers.await(m -> !m.path("type").asText().equals("state"), WAIT);
            assertThat(instead.path("type").asText())
                    .as("the old handler gets the notice instead of the message")
                    .isEqualTo("access-ended");
            assertThat(instead).hasSize(1);
            assertThat(handlers.nothingWithin(Duration.ofSeconds(1))).isTrue();
        }
        StaffSession citizenHttp = new StaffSession(port);
        assertThat(citizenHttp
                        .send(HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + contactId + "/end"))
                                .header("X-Chat-Token", token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .as("no chat left waiting for later tests")
                .isEqualTo(204);
    }
}
