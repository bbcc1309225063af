package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/** Rebuilding read models from the event log, compared table by table with what they replace. */
class ReplayTest extends AuditSupport {

    private static final Duration REPLAY_WAIT = Duration.ofSeconds(90);
    private static final String CTI = "/api/v1/cti/demo-cti-token";

    private JsonNode start(StaffSession auditor, String readModel, Integer pace) {
        Map<String, Object> body = new HashMap<>();
        body.put("readModel", readModel);
        body.put("eventsPerSecond", pace);
        var started = auditor.post("/api/v1/audit/replays", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json(started);
    }

    private long casesTracked() {
        return jdbc.sql("select count(*) from case_tracking").query(Long.class).single();
    }

    private JsonNode finished(StaffSession auditor, JsonNode run) {
        String path = "/api/v1/audit/replays/" + run.path("id").asText();
        await().atMost(REPLAY_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !json(auditor.get(path)).path("state").asText().equals("RUNNING"));
        return json(auditor.get(path));
    }

    private static JsonNode table(JsonNode run, String name) {
        for (JsonNode table : run.path("tables")) {
            if (table.path("table").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no comparison for " + name + " in " + run);
    }

    @Test
    void aRebuildRepairsADriftedReadModelAndReportsTheDifferenceTableByTable() {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        await().atMost(WAIT)
                .until(() -> json(handler.get("/api/v1/staff/cases/" + ref))
                                .path("history")
                                .size()
                        > 0);
        jdbc.sql("update case_view set team = 'Edited in the database' where reference = :r")
                .param("r", ref)
                .update();

        StaffSession auditor = auditor();
        JsonNode run = finished(auditor, start(auditor, "case-view", null));
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("eventsDone").asLong())
                .isPositive()
                .isEqualTo(run.path("eventsTotal").asLong());
        assertThat(run.path("requestedBy").asText()).isEqualTo("auditor");
        JsonNode caseView = table(run, "case_view");
        assertThat(caseView.path("identical").asBoolean()).isFalse();
        assertThat(caseView.path("onlyBefore").asLong()).as(caseView.toString()).isEqualTo(1);
        assertThat(caseView.path("onlyAfter").asLong()).isEqualTo(1);
        assertThat(caseView.path("checksumBefore").asText())
                .isNotEqualTo(caseView.path("checksumAfter").asText());
        assertThat(table(run, "case_history").path("identical").asBoolean()).isTrue();
        assertThat(jdbc.sql("select team from case_view where reference = :r")
                        .param("r", ref)
                        .query()
                        .singleRow()
                        .get("team"))
                .as("the rebuilt row replaced the edited one")
                .isNull();

        JsonNode again = finished(auditor, start(auditor, "case-view", null));
        again.path("tables")
                .forEach(t -> assertThat(t.path("identical").asBoolean())
                        .as(t.toString())
                        .isTrue());
        assertThat(json(auditor.get("/api/v1/audit/replays")).toString())
                .contains(run.path("id").asText());
    }

    /**
     * The case tracking rebuild opens only the police's updates (docs/adr/0053): their words come
     * back as the citizen read them, and nothing else in the rebuilt rows differs.
     */
    @Test
    void aRebuildThatOpensOnlyTheUpdatesItShowsGivesTheCitizenTheSameTimeline() {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        String words = "PC O’Neil will call on Tuesday \"after 5\" — " + ref;
        assertThat(handler.post("/api/v1/staff/cases/" + ref + "/updates", Map.of("text", words))
                        .statusCode())
                .isBetween(200, 299);
        await().atMost(WAIT).until(() -> tracked(ref).toString().contains(words));
        List<Map<String, Object>> before = tracked(ref);

        StaffSession auditor = auditor();
        JsonNode run = finished(auditor, start(auditor, "case-tracking", null));

        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(tracked(ref)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from case_timeline where detail like '%[not opened]%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * The queue's rebuild opens only the events a contact arrives by (docs/adr/0053): every name,
     * number and summary comes back as handlers saw it, and nothing else in its tables differs.
     */
    @Test
    void aQueueRebuildThatOpensOnlyArrivalsGivesHandlersTheSameQueue() {
        String report = reportedCase(handler());
        StaffSession citizen = new StaffSession(port);
        JsonNode chat = json(citizen.post(
                "/api/v1/chats",
                Map.of("name", "Robin O’Neil", "topic", "Bins \"set alight\"", "anyoneInDanger", false)));
        var callback = citizen.post("/api/v1/callbacks", Api.validCallback());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(201);
        String callId = "replay-" + UUID.randomUUID();
        String call = "callId=" + callId + "&from=07700900451&to=101&direction=in";
        assertThat(new StaffSession(port).postForm(CTI, "event=newCall&" + call).statusCode())
                .isEqualTo(200);
        // The call's end carries its number again, sealed, where the queue does not read it.
        assertThat(new StaffSession(port)
                        .postForm(CTI, "event=hangup&" + call + "&cause=normalClearing")
                        .statusCode())
                .isEqualTo(200);
        List<String> arrivals = List.of(
                "q.reference = '" + report + "' and q.channel = 'WEB'",
                "q.contact_id = '" + chat.path("contactId").asText() + "'",
                "q.contact_id = '" + json(callback).path("contactId").asText() + "'",
                "q.ended_at is not null and q.contact_id ="
                        + " (select contact_id from contact_channel_detail where call_id = '" + callId + "')");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(arrivals)
                        .allSatisfy(arrival ->
                                assertThat(queued(arrival)).as(arrival).hasSize(1)));
        StaffSession auditor = auditor();
        JsonNode run = finished(auditor, start(auditor, "queue", null));

        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        // Compared by the rebuild with the live processor held at the event it reached: a contact
        // taken by a handler meanwhile is in both tables.
        for (String table : List.of("queue_item", "contact_party")) {
            assertThat(table(run, table).path("identical").asBoolean())
                    .as(table(run, table).toString())
                    .isTrue();
        }
        assertThat(arrivals)
                .allSatisfy(arrival -> assertThat(queued(arrival)).as(arrival).hasSize(1));
        assertThat(jdbc.sql("""
                        select count(*) from queue_item q join contact_party c using (contact_id)
                        where q::text like '%[not opened]%' or c::text like '%[not opened]%'""").query(Long.class).single()).isZero();
        citizen.send(HttpRequest.newBuilder(
                        citizen.uri("/api/v1/chats/" + chat.path("contactId").asText() + "/end"))
                .header("X-Chat-Token", chat.path("chatToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Each contact's queue row and party row, as handlers and the contact history see them. */
    private List<Map<String, Object>> queued(String where) {
        return jdbc.sql(
                        "select q.*, c.phone, c.email, c.name_key, c.summary as party_summary, c.reference as party_reference"
                                + " from queue_item q join contact_party c using (contact_id) where " + where
                                + " order by contact_id")
                .query()
                .listOfRows();
    }

    private List<Map<String, Object>> tracked(String reference) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("select * from case_tracking where reference = :r")
                .param("r", reference)
                .query()
                .listOfRows());
        rows.addAll(jdbc.sql("select event_id, at, title, detail, kind, args::text from case_timeline"
                        + " where reference = :r order by at, event_id")
                .param("r", reference)
                .query()
                .listOfRows());
        return rows;
    }

    @Test
    void duringARebuildNoNotificationIsSentNoPushFiresAndLiveReportsAreStillTaken() throws Exception {
        StaffSession handler = handler();
        ObjectNode byEmail = Api.validReport();
        byEmail.put("updateChannel", "EMAIL");
        byEmail.put("email", "replay@example.com");
        String ref = api().report(byEmail).text("reference");
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + ref).statusCode() == 200);
        handler.post("/api/v1/staff/cases/" + ref + "/updates", Map.of("text", "We have an update"));
        await().atMost(WAIT)
                .until(() -> FakeNotify.get().sent().stream()
                        .anyMatch(s -> s.body().toString().contains(ref)));
        int notificationsBefore = FakeNotify.get().sent().size();
        StaffSession auditor = auditor();

        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox queues = console.subscribe("/topic/queues", null);
            queues.drain();
            for (String readModel : List.of("case-view", "case-tracking", "queue", "access-log")) {
                JsonNode run = finished(auditor, start(auditor, readModel, null));
                assertThat(run.path("state").asText()).isEqualTo("COMPLETED");
            }
            assertThat(queues.nothingWithin(Duration.ofMillis(500)))
                    .as("no live push during the rebuilds")
                    .isTrue();
            assertThat(FakeNotify.get().sent()).as("no notification sent again").hasSize(notificationsBefore);

            // Slowly, so live traffic certainly arrives while it runs: at least five seconds,
            // whatever else this shared database holds (each case is at least one event there).
            long cases = casesTracked();
            for (; cases < 20; cases++) {
                assertThat(api().report(Api.validReport()).status()).isEqualTo(201);
            }
            JsonNode slow = start(auditor, "case-tracking", (int) Math.max(4, cases / 5));
            List<String> acceptedWhileRunning = new ArrayList<>();
            String path = "/api/v1/audit/replays/" + slow.path("id").asText();
            while (json(auditor.get(path)).path("state").asText().equals("RUNNING")
                    && acceptedWhileRunning.size() < 5) {
                Api.Response live = api().report(Api.validReport());
                assertThat(live.status()).isEqualTo(201);
                if (json(auditor.get(path)).path("state").asText().equals("RUNNING")) {
                    acceptedWhileRunning.add(live.text("reference"));
                }
            }
            JsonNode done = finished(auditor, slow);
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(acceptedWhileRunning).isNotEmpty();
            assertThat(queues.drain())
                    .as("the live reports still reach the console")
                    .isPositive();
            for (String reference : acceptedWhileRunning) {
                await().atMost(WAIT)
                        .until(() -> jdbc.sql("select count(*) from case_tracking where reference = :r")
                                        .param("r", reference)
                                        .query(Long.class)
                                        .single()
                                == 1);
            }
        }
    }

    @Test
    void onlyAuditorsAndAdminsRebuildAndOnlyKnownReadModels() {
        StaffSession auditor = auditor();
        assertThat(handler()
                        .post("/api/v1/audit/replays", Map.of("readModel", "case-view"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(auditor.post("/api/v1/audit/replays", Map.of("readModel", "citizen-updates"))
                        .statusCode())
                .as("sending notifications is not a read model")
                .isEqualTo(422);
        assertThat(auditor.post("/api/v1/audit/replays", Map.of("readModel", "access-log", "eventsPerSecond", 0))
                        .statusCode())
                .isEqualTo(422);
        assertThat(json(auditor.get("/api/v1/audit/read-models")).toString())
                .contains("case-view", "case_history", "access-log")
                .doesNotContain("citizen-updates");
        assertThat(auditor.get("/api/v1/audit/replays/not-a-run").statusCode()).isEqualTo(404);
    }

    @Test
    void theRebuildableReadModelsAreThoseTheProjectionsDeclare() throws ClassNotFoundException {
        // What application.yml held before ADR 0032, with case_link, contact_transfer, handler_profile,
        // handler_skill and canned_response since (issue 14), resourcing's (issue 15), and issue 16's unmatched
        // replies, referrals, signposting and satisfaction.
        Map<String, List<String>> tablesOfEach = new LinkedHashMap<>();
        tablesOfEach.put("access-log", List.of("access_log"));
        tablesOfEach.put("canned-responses", List.of("canned_response"));
        tablesOfEach.put("case-tracking", List.of("case_tracking", "case_timeline"));
        tablesOfEach.put(
                "case-view", List.of("case_view", "case_history", "case_contact", "case_delivery", "case_link"));
        tablesOfEach.put("chat", List.of("chat_session"));
        tablesOfEach.put(
                "contact-view",
                List.of("contact_detail", "contact_channel_detail", "contact_triage", "contact_transfer"));
        tablesOfEach.put("handler-availability", List.of("handler_availability", "handler_profile", "handler_skill"));
        tablesOfEach.put("queue", List.of("queue_item", "contact_party"));
        tablesOfEach.put("resourcing", List.of("contact_fact", "handler_span"));
        tablesOfEach.put("satisfaction", List.of("satisfaction_fact"));
        tablesOfEach.put("signposting", List.of("signposting_fact"));
        tablesOfEach.put("staffing-plan", List.of("staffing_plan"));
        tablesOfEach.put("unmatched-replies", List.of("unmatched_reply"));
        tablesOfEach.put("victim-support-referrals", List.of("victim_support_referral"));
        tablesOfEach.put("victims-code-ledger", List.of("victims_code_ledger", "victims_code_case"));
        Map<String, List<String>> listed = new LinkedHashMap<>();
        for (JsonNode readModel : json(auditor().get("/api/v1/audit/read-models"))) {
            List<String> tables = new ArrayList<>();
            readModel.path("tables").forEach(table -> tables.add(table.asText()));
            listed.put(readModel.path("name").asText(), tables);
        }
        assertThat(listed).containsExactlyEntriesOf(tablesOfEach);

        // ...and the unique indexes each builds after the load: every one for the access log, and
        // the timelines' keys, which no write names as its conflict target.
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ReadModel.class));
        List<String> deferring = new ArrayList<>();
        Map<String, List<String>> afterLoad = new TreeMap<>();
        for (BeanDefinition projection : scanner.findCandidateComponents("uk.police.bluelamp")) {
            Class<?> type = Class.forName(projection.getBeanClassName());
            ReadModel declared = type.getAnnotation(ReadModel.class);
            String name = type.getAnnotation(ProcessingGroup.class).value();
            if (declared.deferUniqueIndexes()) {
                deferring.add(name);
            }
            if (declared.uniqueIndexesAfterLoad().length > 0) {
                afterLoad.put(name, List.of(declared.uniqueIndexesAfterLoad()));
            }
        }
        assertThat(deferring).containsExactly("access-log");
        assertThat(afterLoad)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "case-tracking", List.of("case_timeline_pkey"),
                        "case-view", List.of("case_history_pkey"))));
    }
}
