package uk.police.bluelamp.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.BlueLampApplication;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * Compose runs two nodes on one database, each with its own key cache and no messages between
 * them: an erasure made through one must stop the other decrypting once a cached key expires.
 */
// In the erasure package to reach the key cache; the application class named so the shared context is found.
@SpringBootTest(classes = BlueLampApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureAcrossNodesTest extends IntegrationTest {

    @Autowired
    private SubjectKeys thisNode;

    @Autowired
    private JdbcTemplate jdbcTemplate;

    @Value("${bluelamp.secrets.personal-data-kek}")
    private String keyEncryptionKey;

    @Test
    void anErasureMadeOnOneNodeStopsAnotherNodeDecryptingOnceItsCachedKeyExpires() {
        HttpResponse<String> created = new StaffSession(port).post("/api/v1/reports", Api.validReport());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = StaffSession.json(created).path("reference").asText();
        String subject = thisNode.subjectOf(reference).orElseThrow();
        SubjectKeys otherNode = new SubjectKeys(jdbcTemplate, keyEncryptionKey, Duration.ofSeconds(2));
        assertThat(otherNode.keyForReading(subject))
                .as("the other node reads, and caches, the key")
                .isPresent();

        HttpResponse<String> erased = StaffSession.signedIn(port, "admin", "blue-lamp-admin")
                .post(
                        "/api/v1/admin/erasures",
                        Map.of("reference", reference, "legalBasis", "UK_GDPR_ARTICLE_17", "reason", "ERA-NODES-1"));

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        assertThat(thisNode.keyForReading(subject)).as("the node that erased").isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> otherNode.keyForReading(subject).isEmpty());
        assertThat(otherNode.keyForWriting(subject))
                .as("nor does it make a new key for the erased person")
                .isEmpty();
    }
}
