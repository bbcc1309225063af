package uk.police.bluelamp.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.audit.AuditIntegrationTest;
import uk.police.bluelamp.audit.integrity.ChainVerifier.Kind;
import uk.police.bluelamp.audit.integrity.ChainVerifier.Report;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.platform.eventstore.EventSeal;

/** The integrity check over events stored through the platform's chained storage engine. */
class ChainVerifierModuleTest extends AuditIntegrationTest {

    @Autowired
    EventGateway events;

    @Autowired
    ChainVerifier verifier;

    @Test
    void eventsStoredThroughThePlatformFormOneChainAndAnEditedPayloadIsFoundAtItsPosition() {
        for (int i = 0; i < 5; i++) {
            events.publish(new CaseViewed("BL-2026-00000" + i, "staff:alice", "case", "Checking " + i, Instant.now()));
        }
        Report intact = verifier.verify();
        assertThat(intact.ok()).as(intact.toString()).isTrue();
        assertThat(intact.eventsVerified()).isGreaterThanOrEqualTo(5);
        assertThat(intact.head().hash()).hasSize(64);

        Map<String, Object> victim = jdbc.sql(
                        "select global_index, chain_position, payload from domain_event_entry order by global_index desc limit 1")
                .query()
                .singleRow();
        jdbc.sql("update domain_event_entry set payload = payload || '\\x20'::bytea where global_index = :i")
                .param("i", victim.get("global_index"))
                .update();
        try {
            ChainVerifier.Break broken = verifier.verify().firstBreak();
            assertThat(broken.kind()).isEqualTo(Kind.CHANGED);
            assertThat(broken.position()).isEqualTo(victim.get("chain_position"));
            assertThat(broken.globalIndex()).isEqualTo(victim.get("global_index"));
            assertThat(broken.message()).contains("does not match its seal");
        } finally {
            jdbc.sql("update domain_event_entry set payload = :p where global_index = :i")
                    .param("p", victim.get("payload"))
                    .param("i", victim.get("global_index"))
                    .update();
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    /**
     * A node stopped between its commit and the seal leaves a marked, unlinked event: any node's
     * sealer links it; one changed after it was marked is never linked and is named.
     */
    @Test
    void markedEventsLeftUnlinkedAreLinkedUnlessChangedSinceTheirMark() {
        long left = unlinkedEvent("BL-2026-100001", true);
        long changed = unlinkedEvent("BL-2026-100002", false);
        try {
            Report report = verifier.verify();
            assertThat(jdbc.sql("select chain_position from domain_event_entry where global_index = :i")
                            .param("i", left)
                            .query(Long.class)
                            .optional())
                    .as("linked by the sweep")
                    .isPresent();
            assertThat(report.firstBreak().kind()).isEqualTo(Kind.UNCHAINED);
            assertThat(report.firstBreak().globalIndex()).isEqualTo(changed);
            assertThat(report.unchained()).hasSize(1);
        } finally {
            jdbc.sql("delete from domain_event_entry where global_index = :i")
                    .param("i", changed)
                    .update();
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    /** An event as an append leaves it: marked with its leaf seal, or with a mark that no longer fits. */
    private long unlinkedEvent(String reference, boolean intact) {
        long index = jdbc.sql("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                values (:r, 0, 'Case', gen_random_uuid()::text, convert_to('{}', 'UTF8'),
                    'audit.event.CaseViewed', '2026-01-01T00:00:00Z')
                returning global_index
                """).param("r", reference).query(Long.class).single();
        EventSeal stored = jdbc.sql("select " + EventSeal.COLUMNS + " from domain_event_entry where global_index = :i")
                .param("i", index)
                .query((row, n) -> EventSeal.from(row))
                .single();
        byte[] mark = stored.hash(EventSeal.GENESIS, 0);
        if (!intact) {
            mark[0] ^= 1;
        }
        jdbc.sql("update domain_event_entry set chain_hash = :h where global_index = :i")
                .param("h", mark)
                .param("i", index)
                .update();
        return index;
    }
}
