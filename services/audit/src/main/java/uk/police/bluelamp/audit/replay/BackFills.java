package uk.police.bluelamp.audit.replay;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.audit.replay.ReadModels.Rebuildable;
import uk.police.bluelamp.platform.eventstore.EventChain;

/**
 * A read model that first starts on a log with history (new in this release, or deployed onto
 * an existing force's data) is filled by a rebuild rather than by its live processor crawling
 * from the first event (docs/adr/0042-new-read-models-are-back-filled.md). Before any processor
 * starts, its tokens are made at the head of the log, so the live processor serves what happens
 * from now on; what came before is owed, in a table every node reads, and paid by a back-fill
 * through the rebuild machinery, which swaps the whole history in once it has caught up with
 * the live processor. A back-fill its node dies in is started again by another node or the next
 * start.
 */
@Component
class BackFills implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(BackFills.class);
    /** Axon's own defaults when the settings name no count: as many segments as Axon would make. */
    private static final int AXONS_POOLED_SEGMENTS = 16;

    private static final int AXONS_TRACKING_SEGMENTS = 1;

    private final ReadModels readModels;
    private final Replays replays;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TokenStore tokens;
    private final EventProcessorProperties processors;
    private final Clock clock;

    BackFills(
            ReadModels readModels,
            Replays replays,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            TokenStore tokens,
            EventProcessorProperties processors,
            Clock clock) {
        this.readModels = readModels;
        this.replays = replays;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tokens = tokens;
        this.processors = processors;
        this.clock = clock;
    }

    /** Every singleton exists, no processor has started: a read model without tokens is new. */
    @Override
    public void afterSingletonsInstantiated() {
        readModels.all().forEach(this::oweIfNew);
    }

    /**
     * Under the event chain's lock, so no append is in flight: every event up to the head is
     * committed, and none the live processor starts after can be missing from the back-fill. A
     * second node starting at the same time waits for the lock and then finds the tokens made.
     */
    void oweIfNew(Rebuildable readModel) {
        transactions.executeWithoutResult(tx -> {
            if (hasTokens(readModel)) {
                return;
            }
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                EventChain.lock(connection);
                return null;
            });
            if (hasTokens(readModel)) {
                return;
            }
            Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            TrackingToken start = head == null ? null : GapAwareTrackingToken.newInstance(head, Collections.emptySet());
            tokens.initializeTokenSegments(readModel.name(), segments(readModel), start);
            if (head != null && anyEventOf(readModel, head)) {
                jdbc.update(
                        "insert into read_model_back_fill (read_model, through_index, owed_since) values (?, ?, ?)",
                        readModel.name(),
                        head,
                        Timestamp.from(clock.instant()));
                LOG.info(
                        "Read model {} is new on a log with history: it is owed a back-fill of events up to {}",
                        readModel.name(),
                        head);
            }
        });
    }

    @EventListener({ApplicationReadyEvent.class, DeadRunsFailed.class})
    void payEveryOwed() {
        jdbc.queryForList("select read_model from read_model_back_fill", String.class)
                .forEach(name -> pay(name, true));
    }

    /** A back-fill that failed by itself waits for the next start rather than failing again at once. */
    @EventListener
    void afterRun(Replays.RunEnded ended) {
        pay(ended.readModel(), !Replays.BACK_FILL.equals(ended.kind()));
    }

    private void pay(String name, boolean startIfUnpaid) {
        List<Map<String, Object>> owed =
                jdbc.queryForList("select owed_since from read_model_back_fill where read_model = ?", name);
        if (owed.isEmpty()) {
            return;
        }
        Timestamp since = (Timestamp) owed.get(0).get("owed_since");
        if (ran(name, since, "state = 'COMPLETED'")) {
            jdbc.update("delete from read_model_back_fill where read_model = ?", name);
            LOG.info("Read model {} is back-filled", name);
        } else if (startIfUnpaid && !ran(name, since, "state in ('QUEUED', 'RUNNING')")) {
            readModels
                    .named(name)
                    .flatMap(replays::backFill)
                    .ifPresent(
                            run -> LOG.info("Back-filling read model {} from the whole event log (run {})", name, run));
        }
    }

    private boolean ran(String name, Timestamp since, String state) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from replay_run where read_model = ? and started_at >= ? and " + state + ")",
                Boolean.class,
                name,
                since));
    }

    private boolean hasTokens(Rebuildable readModel) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from token_entry where processor_name = ?)", Boolean.class, readModel.name()));
    }

    private boolean anyEventOf(Rebuildable readModel, long head) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domain_event_entry where global_index <= ? and payload_type = any(?))",
                Boolean.class,
                head,
                readModel.eventTypes().toArray(String[]::new)));
    }

    private int segments(Rebuildable readModel) {
        EventProcessorProperties.ProcessorSettings settings =
                processors.getProcessors().get(readModel.name());
        if (settings == null || settings.getInitialSegmentCount() == null) {
            return settings != null && settings.getMode() == EventProcessorProperties.Mode.POOLED
                    ? AXONS_POOLED_SEGMENTS
                    : AXONS_TRACKING_SEGMENTS;
        }
        return settings.getInitialSegmentCount();
    }
}
