package uk.police.bluelamp.app.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.DisposeOfContact;
import uk.police.bluelamp.messages.contact.command.LinkContactToCase;
import uk.police.bluelamp.messages.contact.command.RequestCallback;

/**
 * Contacts that never became part of a case are reviewed too, a year (the default) after they
 * closed. The clock is driven by closing call-backs with a close time in the past.
 */
class ContactRetentionTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String QUEUE = "/api/v1/staff/retention/contacts";

    @Autowired
    private CommandGateway commands;

    @Test
    void aContactOfNoCaseIsReviewedAYearAfterItClosedAndItsDisposalErasesIt() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        String kept = closedCallback("Kit Keepsake", longAgo);
        String disposed = closedCallback("Dell Disposable", longAgo);
        String recent = closedCallback("Remy Recent", Instant.now());
        String inACase = closedCallback("Casey Linked", longAgo);
        commands.sendAndWait(
                new LinkContactToCase(inACase, "BL-2025-000001", null, "Rang about the case", "handler", longAgo));
        StaffSession dpo = StaffSession.signedIn(port, "dpo", "blue-lamp-dpo");
        await().atMost(WAIT).until(() -> ids(dpo).containsAll(List.of(kept, disposed)));
        // The queue's read model takes contacts in parallel segments: the link may trail the others.
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select reference from queue_item where contact_id = :id")
                        .param("id", inACase)
                        .query(String.class)
                        .optional()
                        .isPresent());
        assertThat(ids(dpo)).doesNotContain(recent, inACase);
        assertThat(StaffSession.json(dpo.get(QUEUE)).toString())
                .as("the queue holds no personal data")
                .doesNotContain("Dell Disposable");
        JsonNode row = row(dpo, disposed);
        assertThat(row.path("channel").asText()).isEqualTo("CALLBACK");
        assertThat(row.path("overdue").asBoolean())
                .as("due for more than 30 days")
                .isTrue();
        assertThat(StaffSession.signedIn(port, "handler", "blue-lamp-handler")
                        .get(QUEUE)
                        .statusCode())
                .isEqualTo(403);

        String nextYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        assertThat(dpo.post(action(kept, "extend"), Map.of("nextReviewDue", nextYear))
                        .statusCode())
                .as("no reason")
                .isEqualTo(400);
        assertThat(dpo.post(action(kept, "extend"), Map.of("reason", "Complaint 12", "nextReviewDue", "2001-01-01"))
                        .statusCode())
                .as("a past date")
                .isEqualTo(400);
        assertThat(dpo.post(action(kept, "extend"), Map.of("reason", "Complaint 12", "nextReviewDue", nextYear))
                        .statusCode())
                .isEqualTo(204);
        assertThat(dpo.post(action(recent, "dispose"), Map.of("reason", "DP decision 9"))
                        .statusCode())
                .as("a review not due")
                .isEqualTo(409);
        assertThat(dpo.post(action(inACase, "dispose"), Map.of("reason", "DP decision 9"))
                        .statusCode())
                .as("reviewed with its case")
                .isEqualTo(409);
        assertThat(dpo.post(action(kept, "dispose"), Map.of("reason", "DP decision 9"))
                        .statusCode())
                .as("kept, so no longer due")
                .isEqualTo(409);

        assertThat(dpo.post(action(disposed, "dispose"), Map.of("reason", " ")).statusCode())
                .isEqualTo(400);
        var done = dpo.post(action(disposed, "dispose"), Map.of("reason", "DP decision 10"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(StaffSession.json(done).path("erasureId").asText())
                .isNotBlank()
                .isNotEqualTo("already erased");
        assertThat(dpo.post(action(disposed, "dispose"), Map.of("reason", "DP decision 10"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(jdbc.sql("select legal_basis from personal_data_erasure where reason = 'DP decision 10'")
                        .query(String.class)
                        .single())
                .isEqualTo("DPA_2018_S47");
        await().atMost(WAIT).until(() -> !ids(dpo).contains(disposed) && !ids(dpo).contains(kept));

        StaffSession admin = StaffSession.signedIn(port, "admin", "blue-lamp-admin");
        HttpRequest contact = HttpRequest.newBuilder(admin.uri("/api/v1/staff/contacts/" + disposed))
                .header("X-Access-Reason", "Checking the disposal")
                .GET()
                .build();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(admin.send(contact).body())
                        .as("the person is erased from the contact's view")
                        .doesNotContain("Dell Disposable"));
        HttpRequest events = HttpRequest.newBuilder(admin.uri("/api/v1/audit/events?type=ContactDisposed&size=200"))
                .header("X-Access-Reason", "Checking the disposal")
                .GET()
                .build();
        assertThat(admin.send(events).body())
                .as("the disposal is in the event log")
                .contains("disposed of contact " + disposed.substring(0, 8))
                .contains("DP decision 10");
    }

    /** The node stopped between the disposal and its erasure: disposing again finishes the erasure. */
    @Test
    void aDisposalWhoseErasureDidNotFollowIsFinishedByDisposingAgain() {
        String halfDone = closedCallback("Hal Halfway", Instant.now().minus(Duration.ofDays(400)));
        commands.sendAndWait(new DisposeOfContact(halfDone, "DP decision 12", "dpo", Instant.now()));
        StaffSession dpo = StaffSession.signedIn(port, "dpo", "blue-lamp-dpo");
        var finished = dpo.post(action(halfDone, "dispose"), Map.of("reason", "DP decision 12"));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(StaffSession.json(finished).path("erasureId").asText())
                .isNotBlank()
                .isNotEqualTo("already erased");
        assertThat(dpo.post(action(halfDone, "dispose"), Map.of("reason", "DP decision 12"))
                        .statusCode())
                .as("nothing left to do")
                .isEqualTo(409);
    }

    private String closedCallback(String name, Instant at) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestCallback(
                id,
                name,
                "07700 900" + (100 + (int) (Math.random() * 800)),
                "About a lost bag",
                at,
                at.plus(Duration.ofHours(2)),
                at,
                null));
        commands.sendAndWait(new AssignContact(id, "handler", Assignment.TAKEN, at.plusSeconds(60)));
        commands.sendAndWait(new CloseContact(id, "handler", "Advice given", at.plusSeconds(600)));
        return id;
    }

    private List<String> ids(StaffSession dpo) {
        return StaffSession.json(dpo.get(QUEUE)).findValuesAsText("contactId");
    }

    private JsonNode row(StaffSession dpo, String contactId) {
        for (JsonNode row : StaffSession.json(dpo.get(QUEUE))) {
            if (row.path("contactId").asText().equals(contactId)) {
                return row;
            }
        }
        throw new AssertionError(contactId + " is not on the queue");
    }

    private static String action(String contactId, String what) {
        return QUEUE + "/" + contactId + "/" + what;
    }
}
