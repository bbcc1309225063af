package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.hostile.ProductionLimits;

/**
 * The production limits hold for the cluster, not per node: a client whose requests a proxy
 * spreads over two nodes gets the allowance once (docs/adr/0021). Both nodes run the limits from
 * application.yml, on the limits tests' own database; each test speaks for addresses of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedLimitsTest extends ProductionLimits {

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
    void tenReportsSpreadOverTwoNodesSpendTheClientsAllowance() {
        String client = "192.0.2.110";
        StaffSession here = new StaffSession(port);
        StaffSession there = here.onNode(otherNode.port());
        for (int i = 0; i < 10; i++) {
            // Invalid reports count too; five here and five there.
            assertThat(report(i % 2 == 0 ? here : there, client).statusCode())
                    .as("report " + (i + 1))
                    .isEqualTo(400);
        }
        assertThat(report(there, client).statusCode()).as("the eleventh, there").isEqualTo(429);
        assertThat(report(here, client).statusCode()).as("the eleventh, here").isEqualTo(429);
        assertThat(report(there, "192.0.2.111").statusCode())
                .as("another client")
                .isEqualTo(400);
    }

    @Test
    void aUsernameIsHeldAfterFiveFailuresWhicheverNodesTheyWereMadeOn() {
        String username = "guessed-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 5; attempt++) {
            int node = attempt % 2 == 0 ? port : otherNode.port();
            assertThat(signIn(node, username, "wrong-" + attempt, "192.0.2.12" + attempt)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(signIn(otherNode.port(), username, "wrong", "192.0.2.129").statusCode())
                .isEqualTo(429);
        assertThat(signIn(port, username, "wrong", "192.0.2.130").statusCode()).isEqualTo(429);
    }

    private static HttpResponse<String> report(StaffSession browser, String client) {
        return browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/reports"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    }

    private static HttpResponse<String> signIn(int node, String username, String password, String client) {
        return StaffSession.signInFrom(node, "/api/v1/staff/login", username, password, client);
    }
}
