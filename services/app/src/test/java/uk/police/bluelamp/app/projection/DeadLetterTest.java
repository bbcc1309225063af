package uk.police.bluelamp.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * A poison event parks its own sequence and everything else flows (docs/adr/0016): each test
 * makes one event unprojectable with a CHECK constraint on a read-model table, sees it parked
 * and listed for admins, and brings it back once the cause is gone.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void oneUnprojectableReportParksOnlyItsContactWhileAHundredOthersProjectThenARetryBringsItBack(CapturedOutput log) {
        String poison = "Poison " + UUID.randomUUID();
        jdbc.sql("alter table contact_detail add constraint refuse_one_report check (description is distinct from '"
                        + poison + "')")
                .update();
        String poisoned;
        List<String> ordinary = new ArrayList<>();
        try {
            ObjectNode report = Api.validReport();
            report.put("description", poison);
            Api.Response created = api().report(report);
            assertThat(created.status()).isEqualTo(201);
            poisoned = contactOf(created.text("reference"));
            for (int i = 0; i < 100; i++) {
                Api.Response sent = api().report(Api.validReport());
                assertThat(sent.status()).isEqualTo(201);
                ordinary.add(sent.text("reference"));
            }

            await().atMost(WAIT).until(() -> projected(ordinary) == 100);
            StaffSession admin = admin();
            JsonNode parked = await().atMost(WAIT).until(() -> deadLetterOf(admin, poisoned), letter -> letter != null);
            assertThat(parked.path("readModel").asText()).isEqualTo("contact-view");
            assertThat(parked.path("eventType").asText()).isEqualTo("ContactReceived");
            assertThat(parked.path("since").asText()).isNotBlank();
            assertThat(parked.path("cause").asText())
                    .contains("check_violation", "refuse_one_report")
                    .doesNotContain(poison);
            assertThat(detail(poisoned)).as("held back, not written").isNull();
            assertThat(log.getAll())
                    .contains("Projection contact-view (ContactViewProjection) could not handle event "
                            + parked.path("eventId").asText())
                    .doesNotContain(poison);
            assertThat(jdbc.sql(
                                    "select count(*) from dead_letter_entry where position(convert_to(:poison, 'UTF8') in payload) > 0"
                                            + " or cause_message like '%' || :poison || '%'")
                            .param("poison", poison)
                            .query(Long.class)
                            .single())
                    .as("the parked payload is ciphertext, the cause names no value")
                    .isZero();

            StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
            JsonNode warning = StaffSession.json(supervisor.get("/api/v1/staff/supervisor/dead-letters"));
            assertThat(warning.path("deadLetters").asLong()).isPositive();
            assertThat(warning.path("readModels").toString()).contains("contact-view");
            assertThat(supervisor.get("/api/v1/admin/dead-letters").statusCode())
                    .isEqualTo(403);
            HttpResponse<String> gauge =
                    admin.get("/actuator/metrics/bluelamp.dead.letters?tag=read.model:contact-view");
            assertThat(gauge.statusCode()).isEqualTo(200);
            assertThat(StaffSession.json(gauge)
                            .path("measurements")
                            .get(0)
                            .path("value")
                            .asDouble())
                    .isPositive();
            assertThat(supervisor.get("/actuator/metrics/bluelamp.dead.letters").statusCode())
                    .isEqualTo(403);

            HttpResponse<String> tooSoon =
                    admin.post("/api/v1/admin/dead-letters/" + parked.path("id").asText() + "/retry", null);
            assertThat(StaffSession.json(tooSoon).path("outcome").asText())
                    .as("the cause is still there")
                    .isEqualTo("STILL_PARKED");
        } finally {
            jdbc.sql("alter table contact_detail drop constraint refuse_one_report")
                    .update();
        }
        StaffSession admin = admin();
        JsonNode parked = deadLetterOf(admin, poisoned);
        HttpResponse<String> retried =
                admin.post("/api/v1/admin/dead-letters/" + parked.path("id").asText() + "/retry", null);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(StaffSession.json(retried).path("outcome").asText()).isEqualTo("PROJECTED");
        assertThat(detail(poisoned)).containsEntry("description", poison);
        assertThat(deadLetterOf(admin, poisoned)).isNull();
        assertThat(admin.post("/api/v1/admin/dead-letters/" + parked.path("id").asText() + "/retry", null)
                        .statusCode())
                .as("nothing left to retry")
                .isEqualTo(404);
    }

    @Test
    void anEvictedDeadLetterIsGoneAndWhoEvictedItIsRecorded() {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String reference = reportedCase(handler);
        String note = "Poison note " + UUID.randomUUID();
        jdbc.sql("alter table case_history add constraint refuse_one_note check (detail is distinct from '" + note
                        + "')")
                .update();
        try {
            handler.post("/api/v1/staff/cases/" + reference + "/notes", Map.of("text", note));
            StaffSession admin = admin();
            JsonNode parked =
                    await().atMost(WAIT).until(() -> deadLetterOf(admin, reference), letter -> letter != null);
            String id = parked.path("id").asText();
            assertThat(parked.path("readModel").asText()).isEqualTo("case-view");

            assertThat(handler.send(HttpRequest.newBuilder(handler.uri("/api/v1/admin/dead-letters/" + id))
                                    .DELETE()
                                    .build())
                            .statusCode())
                    .as("admins only")
                    .isEqualTo(403);
            HttpResponse<String> evicted =
                    admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/admin/dead-letters/" + id))
                            .DELETE()
                            .build());

            assertThat(evicted.statusCode()).isEqualTo(204);
            assertThat(deadLetterOf(admin, reference)).isNull();
            assertThat(jdbc.sql("select evicted_by from dead_letter_eviction where event_identifier = :event")
                            .param("event", parked.path("eventId").asText())
                            .query(String.class)
                            .single())
                    .isEqualTo("admin");
            assertThat(admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/admin/dead-letters/" + id))
                                    .DELETE()
                                    .build())
                            .statusCode())
                    .isEqualTo(404);
        } finally {
            jdbc.sql("alter table case_history drop constraint refuse_one_note").update();
        }
    }

    /** Several admins, or one on several nodes, pressing retry at once: the event is handled once. */
    @Test
    void retriesAtOnceHandleTheEventOnce(CapturedOutput log) throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String reference = reportedCase(handler);
        String reason = "Poison reason " + UUID.randomUUID();
        // The access log copies whole batches in: one row refused must still park only its own event.
        jdbc.sql("alter table access_log add constraint refuse_one_reason check (reason is distinct from '" + reason
                        + "')")
                .update();
        StaffSession admin = admin();
        JsonNode parked;
        try {
            StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
            assertThat(auditor.send(HttpRequest.newBuilder(auditor.uri("/api/v1/staff/cases/" + reference))
                                    .header("X-Access-Reason", reason)
                                    .GET()
                                    .build())
                            .statusCode())
                    .isEqualTo(200);
            parked = await().atMost(WAIT)
                    .until(
                            () -> all(admin).stream()
                                    .filter(letter -> letter.path("readModel")
                                                    .asText()
                                                    .equals("access-log")
                                            && letter.path("cause").asText().contains("refuse_one_reason"))
                                    .findFirst()
                                    .orElse(null),
                            letter -> letter != null);
            assertThat(log.getAll()).doesNotContain(reason);
        } finally {
            jdbc.sql("alter table access_log drop constraint refuse_one_reason").update();
        }
        String id = parked.path("id").asText();

        ExecutorService admins = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<HttpResponse<String>>> retries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                StaffSession oneOfThem = admin();
                retries.add(CompletableFuture.supplyAsync(
                        () -> oneOfThem.post("/api/v1/admin/dead-letters/" + id + "/retry", null), admins));
            }
            for (CompletableFuture<HttpResponse<String>> retry : retries) {
                HttpResponse<String> answer = retry.get();
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 404);
                if (answer.statusCode() == 200) {
                    assertThat(StaffSession.json(answer).path("outcome").asText())
                            .isEqualTo("PROJECTED");
                }
            }
        } finally {
            admins.shutdownNow();
        }

        assertThat(jdbc.sql("select count(*) from access_log where event_id = :event")
                        .param("event", parked.path("eventId").asText())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(all(admin))
                .noneMatch(letter -> letter.path("eventId")
                        .asText()
                        .equals(parked.path("eventId").asText()));
        assertThat(log.getAll().split("Processing dead letter with identifier \\[" + id + "]", -1))
                .as("handled by exactly one of the retries")
                .hasSize(2);
    }

    /**
     * Updates to citizens send email, texts and call tasks: one that cannot be delivered parks its
     * case without its batch being rolled back and run again, which would send the others twice.
     */
    @Test
    void aCitizenUpdateThatCannotBeDeliveredParksItsCaseAndSendsNothingTwice() {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        ObjectNode byPhone = Api.validReport();
        byPhone.put("updateChannel", "PHONE");
        byPhone.put("phone", "01632 960001");
        String phoned = reportedCase(handler, byPhone);
        String email = "once-" + UUID.randomUUID() + "@example.org";
        ObjectNode byEmail = Api.validReport();
        byEmail.put("email", email);
        String emailed = reportedCase(handler, byEmail);
        String subject = jdbc.sql("select subject_id from personal_data_stream where stream_id = :r")
                .param("r", phoned)
                .query(String.class)
                .single();
        // A call task joins the citizen's subject: refusing that refuses the phone update.
        jdbc.sql("alter table personal_data_stream add constraint refuse_call_tasks check (subject_id <> '" + subject
                        + "') not valid")
                .update();
        StaffSession admin = admin();
        JsonNode parked;
        try {
            assertThat(handler.post(
                                    "/api/v1/staff/cases/" + phoned + "/updates",
                                    Map.of("text", "We have an update", "keyDecision", false))
                            .statusCode())
                    .isEqualTo(204);
            assertThat(handler.post(
                                    "/api/v1/staff/cases/" + emailed + "/updates",
                                    Map.of("text", "We have an update", "keyDecision", false))
                            .statusCode())
                    .isEqualTo(204);

            parked = await().atMost(WAIT).until(() -> deadLetterOf(admin, phoned), letter -> letter != null);
            assertThat(parked.path("readModel").asText()).isEqualTo("citizen-updates");
            assertThat(parked.path("eventType").asText()).isEqualTo("PublicUpdatePublished");
            await().atMost(WAIT).until(() -> deliveries(handler, emailed).contains("SENT"));
            assertThat(sentTo(email)).as("the other citizen's update, once").isEqualTo(1);
        } finally {
            jdbc.sql("alter table personal_data_stream drop constraint refuse_call_tasks")
                    .update();
        }

        HttpResponse<String> retried =
                admin.post("/api/v1/admin/dead-letters/" + parked.path("id").asText() + "/retry", null);

        assertThat(StaffSession.json(retried).path("outcome").asText())
                .as(retried.body())
                .isEqualTo("PROJECTED");
        await().atMost(WAIT).until(() -> deliveries(handler, phoned).contains("CALL_TASK"));
        assertThat(deliveries(handler, phoned))
                .as("one call task, nothing failed")
                .containsExactly("CALL_TASK");
        assertThat(sentTo(email)).isEqualTo(1);
    }

    private static List<String> deliveries(StaffSession handler, String reference) {
        return StaffSession.json(handler.get("/api/v1/staff/cases/" + reference))
                .path("deliveries")
                .findValuesAsText("status");
    }

    private static long sentTo(String email) {
        return FakeNotify.get().sent().stream()
                .filter(sent -> email.equals(sent.body().path("email_address").asText()))
                .count();
    }

    /**
     * A rebuild meets the poison event as the live processor did: it parks that sequence, builds
     * the rest, and its parked sequences become the read model's dead letters; once the cause is
     * gone, a rebuild projects the event and no dead letter is left to apply it twice.
     */
    @Test
    void aRebuildParksThePoisonSequenceCompletesAndClearsItOnceTheCauseIsGone() {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String reference = reportedCase(handler);
        String note = "Poison note " + UUID.randomUUID();
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        StaffSession admin = admin();
        jdbc.sql("alter table case_history add constraint refuse_rebuilt_note check (detail is distinct from '" + note
                        + "')")
                .update();
        try {
            handler.post("/api/v1/staff/cases/" + reference + "/notes", Map.of("text", note));
            await().atMost(WAIT).until(() -> deadLetterOf(admin, reference), letter -> letter != null);

            assertThat(rebuild(auditor, "case-view").path("state").asText()).isEqualTo("COMPLETED");
            JsonNode stillParked = deadLetterOf(admin, reference);
            assertThat(stillParked).as("the rebuild parked it too").isNotNull();
            assertThat(stillParked.path("cause").asText())
                    .contains("refuse_rebuilt_note")
                    .doesNotContain(note);
        } finally {
            jdbc.sql("alter table case_history drop constraint refuse_rebuilt_note")
                    .update();
        }

        assertThat(rebuild(auditor, "case-view").path("state").asText()).isEqualTo("COMPLETED");

        assertThat(deadLetterOf(admin, reference))
                .as("the rebuilt table holds the event now")
                .isNull();
        assertThat(jdbc.sql("select count(*) from case_history where reference = :r and detail = :note")
                        .param("r", reference)
                        .param("note", note)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private JsonNode rebuild(StaffSession auditor, String readModel) {
        HttpResponse<String> started = auditor.post("/api/v1/audit/replays", Map.of("readModel", readModel));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = StaffSession.json(started).path("id").asText();
        return await().atMost(WAIT)
                .until(
                        () -> StaffSession.json(auditor.get("/api/v1/audit/replays/" + run)),
                        state -> List.of("COMPLETED", "FAILED")
                                .contains(state.path("state").asText()));
    }

    private String reportedCase(StaffSession handler) {
        return reportedCase(handler, Api.validReport());
    }

    private String reportedCase(StaffSession handler, ObjectNode report) {
        Api.Response created = api().report(report);
        assertThat(created.status()).isEqualTo(201);
        String reference = created.text("reference");
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        return reference;
    }

    private StaffSession admin() {
        return StaffSession.signedIn(port, "admin", "blue-lamp-admin");
    }

    private static List<JsonNode> all(StaffSession admin) {
        HttpResponse<String> list = admin.get("/api/v1/admin/dead-letters");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(StaffSession.json(list).spliterator(), false)
                .toList();
    }

    private static JsonNode deadLetterOf(StaffSession admin, String sequence) {
        return all(admin).stream()
                .filter(letter -> letter.path("sequence").asText().equals(sequence))
                .findFirst()
                .orElse(null);
    }

    private String contactOf(String reference) {
        return await().atMost(WAIT)
                .until(
                        () -> jdbc.sql("select contact_id from case_contact where reference = :r")
                                .param("r", reference)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        id -> id != null);
    }

    private long projected(List<String> references) {
        return jdbc.sql("select count(*) from contact_detail where reference in (:references)")
                .param("references", references)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> detail(String contactId) {
        return jdbc
                .sql("select * from contact_detail where contact_id = :id")
                .param("id", contactId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
