package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.police.bluelamp.app.StaffSession;

/**
 * Crypto-shredding: personal data is stored encrypted, an admin exports it on request, and an
 * erasure leaves none of it in any table or in the log while the history still reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureTest extends AuditSupport {

    StaffSession admin() {
        return StaffSession.signedIn(port, "admin", "blue-lamp-admin");
    }

    HttpResponse<String> subjectAccess(StaffSession session, String query) {
        return getWithReason(session, "/api/v1/admin/subject-access?" + query, "Subject access request SAR-77");
    }

    HttpResponse<String> erase(StaffSession session, Map<String, Object> request) {
        return session.post("/api/v1/admin/erasures", request);
    }

    @Test
    void storedEventsHoldPersonalDataOnlyEncrypted() {
        Person person = Person.distinctive();
        String reference = report(person);

        List<String> payloads =
                jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :reference
                           or convert_from(payload, 'UTF8') like '%' || :reference || '%'
                        """).param("reference", reference).query(String.class).list();

        assertThat(payloads).hasSize(2);
        assertThat(String.join("\n", payloads)).contains("\"pii\":2").doesNotContain(person.all());
    }

    @Test
    void anAdminExportsEverythingHeldAboutThePersonAsJson() {
        Person person = Person.distinctive();
        String reference = report(person);
        StaffSession handler = handler();
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from access_log where reference = :r")
                                .param("r", reference)
                                .query(Long.class)
                                .single()
                        > 0);
        // Each read model has its own processor: the export holds what they hold when it runs.
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from contact_detail where reference = :r")
                                .param("r", reference)
                                .query(Long.class)
                                .single()
                        > 0);

        HttpResponse<String> export = subjectAccess(admin(), "reference=" + reference);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        JsonNode body = json(export);
        assertThat(body.path("erased").asBoolean()).isFalse();
        assertThat(body.path("contactsAndCases")).hasSize(2);
        assertThat(body.path("events").toString()).contains(person.all()).doesNotContain("\"pii\":", "\"sealed\":");
        assertThat(body.path("records").path("case_view").toString()).contains(person.name(), person.email());
        assertThat(body.path("records").path("contact_detail").toString()).contains(person.description());
        assertThat(body.path("records").path("access_log").toString())
                .as("who has looked at them")
                .contains("handler");
    }

    @Test
    void onlyAnAdminErasesOrExportsAndBadRequestsChangeNothing() {
        String reference = report(Person.distinctive());
        Map<String, Object> valid = Map.of("reference", reference, "legalBasis", "DPA_2018_S47", "reason", "ERA-1");
        List<StaffSession> others =
                List.of(handler(), StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor"), auditor());
        for (StaffSession other : others) {
            assertThat(erase(other, valid).statusCode()).isEqualTo(403);
            assertThat(subjectAccess(other, "reference=" + reference).statusCode())
                    .isEqualTo(403);
        }
        assertThat(new StaffSession(port)
                        .get("/api/v1/admin/subject-access?reference=" + reference)
                        .statusCode())
                .as("signed out")
                .isIn(401, 403);

        StaffSession admin = admin();
        Map<String, Object> noBasis = new HashMap<>(valid);
        noBasis.remove("legalBasis");
        Map<String, Object> unknownBasis = new HashMap<>(valid);
        unknownBasis.put("legalBasis", "BECAUSE");
        Map<String, Object> noReason = new HashMap<>(valid);
        noReason.put("reason", "  ");
        Map<String, Object> nobody = new HashMap<>(valid);
        nobody.put("reference", "BL-1999-000001");
        long events = eventCount();
        long erasures = jdbc.sql("select count(*) from personal_data_erasure")
                .query(Long.class)
                .single();
        assertThat(erase(admin, noBasis).statusCode()).isEqualTo(400);
        assertThat(erase(admin, unknownBasis).statusCode()).isEqualTo(400);
        assertThat(erase(admin, noReason).statusCode()).isEqualTo(400);
        assertThat(erase(admin, Map.of("legalBasis", "DPA_2018_S47", "reason", "ERA-1"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(erase(admin, nobody).statusCode()).isEqualTo(404);
        assertThat(subjectAccess(admin, "reference=BL-1999-000001").statusCode())
                .isEqualTo(404);
        assertThat(subjectAccess(admin, "").statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/admin/subject-access?reference=" + reference)
                        .statusCode())
                .as("an admin's look needs a reason, as every look of theirs")
                .isEqualTo(428);

        assertThat(eventCount()).as("no event stored").isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from personal_data_erasure")
                        .query(Long.class)
                        .single())
                .isEqualTo(erasures);
        assertThat(json(subjectAccess(admin, "reference=" + reference))
                        .path("erased")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void afterAnErasureNoTableAndNoLogLineHoldsThePersonsDataYetTheHistoryStillReads(CapturedOutput log) {
        Person person = Person.distinctive();
        String reference = report(person, "PHONE");
        StaffSession handler = handler();
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        handler.post("/api/v1/staff/cases/" + reference + "/updates", Map.of("text", "Suspect identified"));
        await().atMost(WAIT).until(() -> everywhere(person.name()).contains("public.contact_channel_detail"));
        String note = "Called " + person.name() + " back on " + person.phone();
        // No note of this case can be projected, before the erasure or after: it waits as a dead
        // letter, which the erasure must cover too.
        jdbc.sql("alter table case_history add constraint refuse_erased_note check (reference <> '" + reference
                        + "' or type <> 'InternalNoteAdded')")
                .update();
        try {
            eraseWithADeadLetter(person, reference, handler, note, log);
        } finally {
            jdbc.sql("alter table case_history drop constraint refuse_erased_note")
                    .update();
            // The cause gone, the parked note is retried: no other test's rebuild meets it.
            jdbc.sql("select dead_letter_identifier from dead_letter_entry where sequence_identifier = :r")
                    .param("r", reference)
                    .query(String.class)
                    .list()
                    .forEach(id -> admin().post("/api/v1/admin/dead-letters/" + id + "/retry", null));
        }
        assertThat(deadLettersOf(reference)).isZero();
    }

    private void eraseWithADeadLetter(
            Person person, String reference, StaffSession handler, String note, CapturedOutput log) {
        assertThat(handler.post("/api/v1/staff/cases/" + reference + "/notes", Map.of("text", note))
                        .statusCode())
                .isLessThan(300);
        await().atMost(WAIT).until(() -> deadLettersOf(reference) > 0);
        assertThat(everywhere(person.name())).as("parked, yet encrypted").doesNotContain("public.dead_letter_entry");
        Person chatter = Person.distinctive();
        JsonNode chat = json(new StaffSession(port)
                .post(
                        "/api/v1/chats",
                        Map.of("name", chatter.name(), "topic", chatter.description(), "anyoneInDanger", false)));
        String chatId = chat.path("contactId").asText();
        StaffSession citizen = new StaffSession(port);
        citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chatId + "/messages"))
                .header("X-Chat-Token", chat.path("chatToken").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"clientMessageId\":\"m-1\",\"text\":\"I live at " + chatter.location() + "\"}"))
                .build());
        // Ended, so it waits in no queue another test drains.
        citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chatId + "/end"))
                .header("X-Chat-Token", chat.path("chatToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        await().atMost(WAIT)
                .until(() -> everywhere(person.email()).contains("public.case_view")
                        && everywhere(chatter.name()).contains("public.chat_session"));

        StaffSession admin = admin();
        // A rebuild that finds the person's row differing names it in its report by its key and a
        // hash, never by its data: the report outlives the erasure that follows.
        jdbc.sql("delete from case_view where reference = :r")
                .param("r", reference)
                .update();
        JsonNode rebuilt = json(admin.post("/api/v1/audit/replays", Map.of("readModel", "case-view")));
        awaitRebuilds(admin, rebuilt.path("id"));
        JsonNode report =
                json(admin.get("/api/v1/audit/replays/" + rebuilt.path("id").asText()));
        assertThat(report.path("tables").findValues("sampleOnlyAfter").toString())
                .contains("reference=" + reference)
                .contains("row md5");
        assertThat(everywhere(person.email())).doesNotContain("public.replay_run");

        HttpResponse<String> erased = erase(
                admin,
                Map.of(
                        "reference",
                        reference,
                        "legalBasis",
                        "DPA_2018_S47",
                        "reason",
                        "Erasure decision ERA-2026-0042"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        HttpResponse<String> chatErased = erase(
                admin,
                Map.of(
                        "contactId",
                        chatId,
                        "legalBasis",
                        "UK_GDPR_ARTICLE_17",
                        "reason",
                        "Erasure decision ERA-2026-0043"));
        assertThat(chatErased.statusCode()).as(chatErased.body()).isEqualTo(201);
        assertThat(erase(admin, Map.of("reference", reference, "legalBasis", "DPA_2018_S47", "reason", "again"))
                        .statusCode())
                .as("erased once only")
                .isEqualTo(409);
        awaitRebuilds(admin, json(erased).path("rebuilds"));
        awaitRebuilds(admin, json(chatErased).path("rebuilds"));

        JsonNode erasures = json(admin.get("/api/v1/admin/erasures"));
        assertThat(erasures.findValues("legal_basis"))
                .extracting(JsonNode::asText)
                .contains("DPA_2018_S47", "UK_GDPR_ARTICLE_17");
        assertThat(erasures.findValues("rebuilds"))
                .allSatisfy(states -> states.forEach(state ->
                        assertThat(state.asText()).as("scrubbed: " + erasures).isEqualTo("COMPLETED")));

        List<String> leaks = new ArrayList<>();
        for (String secret : concat(person.all(), chatter.all())) {
            everywhere(secret).forEach(table -> leaks.add(secret + " in " + table));
            if (log.getAll().contains(secret)) {
                leaks.add(secret + " in the application log");
            }
        }
        assertThat(leaks).as("personal data left after the erasure").isEmpty();
        assertThat(deadLettersOf(reference))
                .as("the scan covered a dead letter of theirs, parked again by the scrub")
                .isPositive();
        assertThat(log.getAll()).as("the log was captured").contains("erased data subject");

        HttpResponse<String> history = getWithReason(
                auditor(), "/api/v1/audit/cases/" + reference + "/history", "Checking erasure ERA-2026-0042");
        assertThat(history.statusCode()).isEqualTo(200);
        JsonNode received = json(history).path("entries").get(0);
        assertThat(received.path("type").asText()).isEqualTo("ContactReceived");
        assertThat(received.path("payload").path("reporter").path("email").asText())
                .isEqualTo("[erased]");
        assertThat(received.path("payload").path("details").path("description").asText())
                .isEqualTo("[erased]");
        assertThat(received.path("sentence").asText()).contains(reference);
        assertThat(history.body()).doesNotContain(person.all()).doesNotContain(note);
        assertThat(json(handler.get("/api/v1/staff/cases/" + reference)).toString())
                .contains("[erased]")
                .doesNotContain(person.all());
        assertThat(json(admin.get("/api/v1/audit/integrity")).path("ok").asBoolean())
                .as("the chain verifies")
                .isTrue();
        JsonNode export = json(subjectAccess(admin, "reference=" + reference));
        assertThat(export.path("erased").asBoolean()).isTrue();
        assertThat(export.path("erasure").path("legal_basis").asText()).isEqualTo("DPA_2018_S47");
        assertThat(export.toString()).doesNotContain(person.all());
    }

    private long deadLettersOf(String reference) {
        return jdbc.sql("select count(*) from dead_letter_entry where sequence_identifier = :r")
                .param("r", reference)
                .query(Long.class)
                .single();
    }

    private void awaitRebuilds(StaffSession admin, JsonNode rebuilds) {
        if (rebuilds.isObject()) {
            assertThat(rebuilds.size()).as(rebuilds.toString()).isGreaterThanOrEqualTo(4);
        }
        (rebuilds.isObject() ? rebuilds : List.of(rebuilds)).forEach(run -> {
            assertThat(run.isTextual()).as("every rebuild started: " + rebuilds).isTrue();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> List.of("COMPLETED", "FAILED")
                            .contains(json(admin.get("/api/v1/audit/replays/" + run.asText()))
                                    .path("state")
                                    .asText()));
            JsonNode done = json(admin.get("/api/v1/audit/replays/" + run.asText()));
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        });
    }

    private List<String> everywhere(String secret) {
        return EveryTable.holding(jdbc, secret);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
