package uk.police.bluelamp.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.audit.AuditIntegrationTest;
import uk.police.bluelamp.messages.audit.event.CaseViewed;

/**
 * The access log as if it were first deployed onto a log with history: its processor stopped,
 * its tokens and rows gone, then made new as a start makes it. The live processor takes only
 * what happens from then on; the back-fill brings the history, and the debt is paid.
 */
class BackFillModuleTest extends AuditIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private EventGateway events;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ReadModels readModels;

    @Autowired
    private BackFills backFills;

    @Test
    void aReadModelNewOnALogWithHistoryServesWhatComesNextAndIsBackFilledWithTheRest() {
        String reference = "BL-BF-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            events.publish(new CaseViewed(reference, "staff:before-" + i, "case", null, Instant.now()));
        }
        await().atMost(WAIT).until(() -> viewsOf(reference) == 3);

        StreamingEventProcessor accessLog = processing
                .eventProcessor("access-log", StreamingEventProcessor.class)
                .orElseThrow();
        accessLog.shutDown();
        jdbc.sql("delete from token_entry where processor_name = 'access-log'").update();
        jdbc.sql("delete from access_log").update();
        ReadModels.Rebuildable readModel = readModels.named("access-log").orElseThrow();

        backFills.oweIfNew(readModel);
        backFills.oweIfNew(readModel);
        assertThat(jdbc.sql("select count(*) from read_model_back_fill where read_model = 'access-log'")
                        .query(Long.class)
                        .single())
                .as("owed once, however often a start looks")
                .isOne();

        accessLog.start();
        events.publish(new CaseViewed(reference, "staff:after", "case", null, Instant.now()));
        await().atMost(WAIT).until(() -> viewsOf(reference) == 1);
        assertThat(jdbc.sql("select viewer from access_log where subject_id = :id")
                        .param("id", reference)
                        .query(String.class)
                        .single())
                .as("the live processor starts at the head of the log, not at its first event")
                .isEqualTo("staff:after");

        backFills.payEveryOwed();
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from read_model_back_fill")
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(viewsOf(reference)).isEqualTo(4);
        assertThat(jdbc.sql("select kind, state from replay_run where read_model = 'access-log' "
                                + "order by started_at desc limit 1")
                        .query((row, n) -> row.getString(1) + " " + row.getString(2))
                        .single())
                .isEqualTo("BACKFILL COMPLETED");
    }

    private long viewsOf(String reference) {
        return jdbc.sql("select count(*) from access_log where subject_id = :id")
                .param("id", reference)
                .query(Long.class)
                .single();
    }
}
