package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;

/** The hash chain: intact under concurrent writes, and every kind of tampering found and located. */
class IntegrityTest extends AuditSupport {

    private JsonNode verify() {
        return json(auditor().get("/api/v1/audit/integrity"));
    }

    @Test
    void concurrentWritesStillFormOneUnbrokenChain() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(writers.submit(() -> api().report(Api.validReport()).status()));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(201);
        }
        writers.shutdown();

        JsonNode report = verify();
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("eventsVerified").asLong()).isGreaterThanOrEqualTo(80);
        assertThat(report.path("head").path("hash").asText()).hasSize(64);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where chain_position is null")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEditedPayloadIsFoundAtItsPosition() {
        Map<String, Object> victim = freshEvent();
        jdbc.sql("update domain_event_entry set payload = payload || '\\x20'::bytea where global_index = :i")
                .param("i", victim.get("global_index"))
                .update();
        try {
            JsonNode broken = verify().path("firstBreak");
            assertThat(broken.path("kind").asText()).isEqualTo("CHANGED");
            assertThat(broken.path("position").asLong()).isEqualTo(victim.get("chain_position"));
            assertThat(broken.path("globalIndex").asLong()).isEqualTo(victim.get("global_index"));
            assertThat(broken.path("message").asText()).contains("does not match its seal");
        } finally {
            jdbc.sql("update domain_event_entry set payload = :p where global_index = :i")
                    .param("p", victim.get("payload"))
                    .param("i", victim.get("global_index"))
                    .update();
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void aDeletedEventIsFoundWhereItWas() {
        long caseOpened = (Long) freshEvent().get("chain_position");
        // The report's contact event, sealed just before its case: not the head of the chain.
        Map<String, Object> victim = jdbc.sql("select * from domain_event_entry where chain_position = :p")
                .param("p", caseOpened - 1)
                .query()
                .singleRow();
        jdbc.sql("delete from domain_event_entry where global_index = :i")
                .param("i", victim.get("global_index"))
                .update();
        try {
            JsonNode report = verify();
            assertThat(report.path("ok").asBoolean()).isFalse();
            JsonNode broken = report.path("firstBreak");
            assertThat(broken.path("kind").asText()).isEqualTo("MISSING");
            assertThat(broken.path("position").asLong()).isEqualTo(victim.get("chain_position"));
            assertThat(broken.path("message").asText()).contains("deleted");
        } finally {
            putBack(victim);
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void aForgedEventInsertedInSqlIsFoundAndNamed() {
        long forged = jdbc.sql("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                values ('BL-2026-999999', 0, 'Case', gen_random_uuid()::text, convert_to('{}', 'UTF8'),
                    'uk.police.bluelamp.forged.CaseClosedQuietly', '2026-01-01T00:00:00Z')
                returning global_index
                """).query(Long.class).single();
        try {
            JsonNode report = verify();
            assertThat(report.path("ok").asBoolean()).isFalse();
            assertThat(report.path("firstBreak").path("kind").asText()).isEqualTo("UNCHAINED");
            assertThat(report.path("firstBreak").path("globalIndex").asLong()).isEqualTo(forged);
            assertThat(report.path("unchained").get(0).path("type").asText()).isEqualTo("CaseClosedQuietly");
        } finally {
            jdbc.sql("delete from domain_event_entry where global_index = :i")
                    .param("i", forged)
                    .update();
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void deletingTheNewestEventsIsFoundAgainstTheHeadVerifiedBefore() {
        freshEvent();
        assertThat(verify().path("ok").asBoolean()).isTrue();
        Map<String, Object> head = jdbc.sql("select * from domain_event_entry where chain_position = "
                        + "(select max(chain_position) from domain_event_entry)")
                .query()
                .singleRow();
        jdbc.sql("delete from domain_event_entry where global_index = :i")
                .param("i", head.get("global_index"))
                .update();
        try {
            JsonNode broken = verify().path("firstBreak");
            assertThat(broken.path("kind").asText()).isEqualTo("TRUNCATED");
            assertThat(broken.path("position").asLong()).isEqualTo(head.get("chain_position"));
        } finally {
            putBack(head);
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void onlyAuditorsAndAdminsVerify() {
        assertThat(handler().get("/api/v1/audit/integrity").statusCode()).isEqualTo(403);
        assertThat(StaffSession.signedIn(port, "admin", "blue-lamp-admin")
                        .get("/api/v1/audit/integrity")
                        .statusCode())
                .isEqualTo(200);
    }

    /** The deleted row, exactly as it was stored. */
    private void putBack(Map<String, Object> row) {
        jdbc.sql("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,
                    chain_position, chain_hash, occurred_at, actor, channel)
                values (:global_index, :aggregate_identifier, :sequence_number, :type, :event_identifier,
                    :meta_data, :payload, :payload_revision, :payload_type, :time_stamp, :chain_position,
                    :chain_hash, :occurred_at, :actor, :channel)
                """).params(row).update();
    }

    /** An event of a case nobody else works on, so tampering with it disturbs no other test. */
    private Map<String, Object> freshEvent() {
        String reference = api().report(Api.validReport()).text("reference");
        return jdbc.sql("select * from domain_event_entry where aggregate_identifier = :r and sequence_number = 0")
                .param("r", reference)
                .query()
                .singleRow();
    }
}
