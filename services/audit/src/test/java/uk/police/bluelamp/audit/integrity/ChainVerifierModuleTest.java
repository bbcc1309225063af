package uk.police.bluelamp.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
     * A node stopped between its commit and the seal leaves marked, unlinked events: any node's
     * sealer links them; one changed after it was marked is never linked and is named.
     */
    @Test
    void markedEventsLeftUnlinkedAreLinkedUnlessChangedSinceTheirMark() {
        events.publish(new CaseViewed("BL-2026-100001", "staff:alice", "case", "Left", Instant.now()));
        events.publish(new CaseViewed("BL-2026-100002", "staff:alice", "case", "Changed", Instant.now()));
        List<Map<String, Object>> newest = jdbc.sql(
                        "select global_index, chain_position, payload from domain_event_entry order by global_index desc limit 2")
                .query()
                .listOfRows();
        Map<String, Object> changed = newest.get(0);
        Map<String, Object> left = newest.get(1);
        // In one statement, as a sweep must see them: left as an append leaves them before a
        // sealer links them (marked with their leaf seal only), and one changed since.
        jdbc.sql("""
                update domain_event_entry set chain_position = null,
                    chain_hash = case global_index when :left then :leftMark else :changedMark end,
                    payload = case global_index when :left then payload else payload || '\\x20'::bytea end
                where global_index in (:left, :changed)
                """)
                .param("left", left.get("global_index"))
                .param("changed", changed.get("global_index"))
                .param("leftMark", leaf(left))
                .param("changedMark", leaf(changed))
                .update();
        try {
            Report report = verifier.verify();
            assertThat(jdbc.sql("select chain_position from domain_event_entry where global_index = :i")
                            .param("i", left.get("global_index"))
                            .query(Long.class)
                            .single())
                    .as("linked again where it was")
                    .isEqualTo(left.get("chain_position"));
            assertThat(report.firstBreak().kind()).isEqualTo(Kind.UNCHAINED);
            assertThat(report.firstBreak().globalIndex()).isEqualTo(changed.get("global_index"));
        } finally {
            jdbc.sql("update domain_event_entry set payload = :p where global_index = :i")
                    .param("p", changed.get("payload"))
                    .param("i", changed.get("global_index"))
                    .update();
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    private byte[] leaf(Map<String, Object> row) {
        return jdbc.sql("select " + EventSeal.COLUMNS + " from domain_event_entry where global_index = :i")
                .param("i", row.get("global_index"))
                .query((result, n) -> EventSeal.from(result))
                .single()
                .hash(EventSeal.GENESIS, 0);
    }
}
