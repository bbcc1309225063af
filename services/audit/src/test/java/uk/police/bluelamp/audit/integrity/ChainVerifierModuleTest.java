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
}
