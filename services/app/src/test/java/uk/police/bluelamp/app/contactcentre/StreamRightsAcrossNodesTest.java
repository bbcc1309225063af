package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.bluelamp.app.BlueLampApplication;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * Two nodes on one database, as in production. A node pushes only what its own commands
 * stored, so a transfer made on the other node never reaches this node's live handlers: the
 * old handler's socket here must be stopped by the check made as each frame goes out.
 */
class StreamRightsAcrossNodesTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private DataSource database;

    @Test
    void aTransferMadeOnAnotherNodeStopsTheOldHandlersStreamHereAtTheNextMessage() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        JsonNode started = StaffSession.json(new StaffSession(port).post("/api/v1/chats",
                Map.of("name", "Nodes", "topic", "A car alarm all night", "anyoneInDanger", false)));
        String contactId = started.path("contactId").asText();
        String token = started.path("chatToken").asText();
        assertThat(handler.post("/api/v1/staff/contacts/" + contactId + "/take", null).statusCode()).isEqualTo(200);

        try (ConfigurableApplicationContext otherNode = startAnotherNode();
             Stomp console = Stomp.staff(port, handler); Stomp citizen = Stomp.citizen(port)) {
            Stomp.Inbox handlers = console.subscribe("/topic/chat." + contactId, null);
            Stomp.Inbox citizens = citizen.subscribe("/topic/chat." + contactId, token);

            int otherPort = ((WebServerApplicationContext) otherNode).getWebServer().getPort();
            StaffSession sameHandlerThere = StaffSession.signedIn(otherPort, "handler", "blue-lamp-handler");
            assertThat(sameHandlerThere.post("/api/v1/staff/contacts/" + contactId + "/transfer",
                    Map.of("toChannel", "CHAT", "note", "Back to the queue")).statusCode()).isEqualTo(204);

            citizen.send("/app/chat." + contactId + ".send", token, Map.of("clientMessageId", "n-1", "text", "Hello?"));
            assertThat(citizens.await(m -> m.path("type").asText().equals("message"), WAIT)
                    .path("message").path("text").asText()).isEqualTo("Hello?");
            JsonNode instead = handlers.await(m -> !m.path("type").asText().equals("state"), WAIT);
            assertThat(instead.path("type").asText()).as("the old handler gets the notice instead of the message")
                    .isEqualTo("access-ended");
            assertThat(instead).hasSize(1);
            assertThat(handlers.nothingWithin(Duration.ofSeconds(1))).isTrue();
        }
        StaffSession citizenHttp = new StaffSession(port);
        assertThat(citizenHttp.send(java.net.http.HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + contactId + "/end"))
                .header("X-Chat-Token", token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build())
                .statusCode()).as("no chat left waiting for later tests").isEqualTo(204);
    }

    private ConfigurableApplicationContext startAnotherNode() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "other-node-");
        return new SpringApplicationBuilder(BlueLampApplication.class).properties(Map.of(
                "server.port", "0",
                "spring.datasource.url", ((HikariDataSource) database).getJdbcUrl(),
                "spring.datasource.username", "postgres",
                "bluelamp.data-dir", dataDir.toString(),
                "bluelamp.notify.api-key", FakeNotify.API_KEY,
                "bluelamp.notify.base-url", FakeNotify.get().baseUrl(),
                "bluelamp.notify.email-template-id", FakeNotify.EMAIL_TEMPLATE,
                "bluelamp.notify.sms-template-id", FakeNotify.SMS_TEMPLATE)).run();
    }
}
