package uk.police.bluelamp.app.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.ChangeCaseStatus;
import uk.police.bluelamp.messages.casefile.command.DisposeOfCase;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/**
 * MoPI review through HTTP. The clock is driven through the real schedule by closing cases with
 * a close time more than six years (the default period) ago: their review deadline is already
 * past when db-scheduler stores it, so it fires at its next poll, as a missed one does after an outage.
 */
class RetentionReviewTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String QUEUE = "/api/v1/staff/retention/reviews";

    @Autowired
    private CommandGateway commands;

    @Test
    void aDueReviewIsExtendedOrDisposedOfAndDisposalErasesThePerson() {
        String kept = closedLongAgo("Kim Keeper");
        String disposed = closedLongAgo("Dana Disposed");
        String recent = closed(Instant.now(), "Rae Recent");
        StaffSession dpo = StaffSession.signedIn(port, "dpo", "blue-lamp-dpo");
        await().atMost(WAIT)
                .until(() -> StaffSession.json(dpo.get(QUEUE))
                        .findValuesAsText("reference")
                        .containsAll(List.of(kept, disposed)));
        JsonNode row = row(dpo, disposed);
        assertThat(row.path("category").asText()).isEqualTo("THEFT");
        assertThat(row.path("overdue").asBoolean())
                .as("due for more than 30 days")
                .isTrue();
        assertThat(StaffSession.json(dpo.get(QUEUE)).findValuesAsText("reference"))
                .doesNotContain(recent);
        assertThat(StaffSession.json(dpo.get(QUEUE)).toString())
                .as("the queue holds no personal data")
                .doesNotContain("Dana Disposed");
        assertThat(StaffSession.signedIn(port, "handler", "blue-lamp-handler")
                        .get(QUEUE)
                        .statusCode())
                .isEqualTo(403);

        String nextYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        assertThat(dpo.post(extend(kept), Map.of("nextReviewDue", nextYear)).statusCode())
                .as("no reason")
                .isEqualTo(400);
        assertThat(dpo.post(extend(kept), Map.of("reason", "Linked investigation", "nextReviewDue", "2001-01-01"))
                        .statusCode())
                .as("a past date")
                .isEqualTo(400);
        assertThat(dpo.post(extend(kept), Map.of("reason", "Linked investigation", "nextReviewDue", "next year"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(dpo.post(extend(kept), Map.of("reason", "Linked investigation", "nextReviewDue", nextYear))
                        .statusCode())
                .isEqualTo(204);
        assertThat(dpo.post(dispose(recent), Map.of("reason", "DP decision 7")).statusCode())
                .as("a review not due")
                .isEqualTo(409);
        assertThat(dpo.post(dispose(kept), Map.of("reason", "DP decision 7")).statusCode())
                .as("extended, so no longer due")
                .isEqualTo(409);

        HttpRequest withoutCsrf = HttpRequest.newBuilder(dpo.uri(dispose(disposed)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"DP decision 8\"}"))
                .build();
        assertThat(dpo.sendWithoutCsrfToken(withoutCsrf).statusCode()).isEqualTo(403);
        assertThat(dpo.post(dispose(disposed), Map.of("reason", " ")).statusCode())
                .isEqualTo(400);
        var done = dpo.post(dispose(disposed), Map.of("reason", "DP decision 8"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(StaffSession.json(done).path("erasureId").asText())
                .isNotBlank()
                .isNotEqualTo("already erased");
        assertThat(dpo.post(dispose(disposed), Map.of("reason", "DP decision 8"))
                        .statusCode())
                .isEqualTo(409);

        assertThat(jdbc.sql("select legal_basis from personal_data_erasure where reason = 'DP decision 8'")
                        .query(String.class)
                        .single())
                .isEqualTo("DPA_2018_S47");
        // The same scrub as an admin's erasure: every read model is rebuilt without the person.
        StaffSession admin = StaffSession.signedIn(port, "admin", "blue-lamp-admin");
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (JsonNode erasure : StaffSession.json(admin.get("/api/v1/admin/erasures"))) {
                if (erasure.path("reason").asText().equals("DP decision 8")) {
                    List<String> states = new ArrayList<>();
                    erasure.path("rebuilds").elements().forEachRemaining(state -> states.add(state.asText()));
                    return !states.isEmpty() && states.stream().allMatch("COMPLETED"::equals);
                }
            }
            return false;
        });
        await().atMost(WAIT)
                .until(() -> !StaffSession.json(dpo.get(QUEUE))
                                .findValuesAsText("reference")
                                .contains(disposed)
                        && !StaffSession.json(dpo.get(QUEUE))
                                .findValuesAsText("reference")
                                .contains(kept));

        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        HttpRequest history = HttpRequest.newBuilder(auditor.uri("/api/v1/audit/cases/" + disposed + "/history"))
                .header("X-Access-Reason", "Checking the disposal")
                .GET()
                .build();
        JsonNode entries = StaffSession.json(auditor.send(history)).path("entries");
        assertThat(entries.findValuesAsText("type"))
                .containsSubsequence("RetentionReviewScheduled", "RetentionReviewFellDue", "CaseDisposed");
        assertThat(entries.toString())
                .as("the person is erased")
                .doesNotContain("Dana Disposed")
                .contains("disposed of case " + disposed);
    }

    /** The node stopped between the disposal and its erasure: disposing again finishes the erasure. */
    @Test
    void aDisposalWhoseErasureDidNotFollowIsFinishedByDisposingAgain() {
        String halfDone = closedLongAgo("Hal Halfway");
        StaffSession dpo = StaffSession.signedIn(port, "dpo", "blue-lamp-dpo");
        await().atMost(WAIT)
                .until(() -> StaffSession.json(dpo.get(QUEUE))
                        .findValuesAsText("reference")
                        .contains(halfDone));
        commands.sendAndWait(new DisposeOfCase(halfDone, "DP decision 13", "dpo", Instant.now()));
        var finished = dpo.post(dispose(halfDone), Map.of("reason", "DP decision 13"));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(StaffSession.json(finished).path("erasureId").asText())
                .isNotBlank()
                .isNotEqualTo("already erased");
        assertThat(dpo.post(dispose(halfDone), Map.of("reason", "DP decision 13"))
                        .statusCode())
                .as("nothing left to do")
                .isEqualTo(409);
    }

    private String closedLongAgo(String name) {
        return closed(Instant.now().minus(Duration.ofDays(7 * 366)), name);
    }

    /**
     * Opened now, so its Victims' Code deadlines lie ahead and none fires while the close cancels
     * it (db-scheduler refuses to cancel an execution it is running: see the issue-12 note); only
     * the close is dated in the past, so the review it schedules is already due.
     */
    private String closed(Instant at, String name) {
        String ref = "BL-2019-" + (100000 + (int) (Math.random() * 899999));
        commands.sendAndWait(new OpenCase(
                ref,
                UUID.randomUUID().toString(),
                Channel.WEB,
                ReportCategory.THEFT,
                "ABCD-EFGH-JKMN",
                new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.WEEKLY),
                new CitizenDetails(name, null, null),
                null,
                Instant.now()));
        commands.sendAndWait(new ChangeCaseStatus(ref, CaseStatus.CLOSED, null, null, "handler", at));
        return ref;
    }

    private JsonNode row(StaffSession dpo, String reference) {
        for (JsonNode row : StaffSession.json(dpo.get(QUEUE))) {
            if (row.path("reference").asText().equals(reference)) {
                return row;
            }
        }
        throw new AssertionError(reference + " is not on the queue");
    }

    private static String extend(String reference) {
        return QUEUE + "/" + reference + "/extend";
    }

    private static String dispose(String reference) {
        return QUEUE + "/" + reference + "/dispose";
    }
}
