package uk.police.bluelamp.audit.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.police.bluelamp.audit.replay.ReadModels.ReadModel;
import uk.police.bluelamp.audit.replay.ShadowTables.Comparison;
import uk.police.bluelamp.audit.store.StoredEvent;

/**
 * One rebuild of one read model (docs/adr/0010-rebuild-into-shadow-tables.md). The events
 * go through a fresh copy of the projection into shadow tables while the live projection
 * keeps serving; only the last stretch runs with the live processor paused, so both hold
 * exactly the same events when they are compared and the rebuilt rows replace the live ones.
 * Nothing but that one projection sees the events: no notification, no push.
 */
final class Rebuild {

    interface Progress {
        void update(long done, long total);
    }

    private final ReadModel readModel;
    private final JdbcTemplate events;
    private final Serializer serializer;
    private final LiveTokens liveTokens;
    private final int batchSize;
    private final int eventsPerSecond;

    Rebuild(ReadModel readModel, JdbcTemplate events, Serializer serializer, LiveTokens liveTokens, int batchSize,
            int eventsPerSecond) {
        this.readModel = readModel;
        this.events = events;
        this.serializer = serializer;
        this.liveTokens = liveTokens;
        this.batchSize = batchSize;
        this.eventsPerSecond = eventsPerSecond;
    }

    List<Comparison> run(ShadowTables shadow, Progress progress) throws Exception {
        Connection connection = shadow.connection();
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
                readModel.newProjection(new SingleConnectionDataSource(connection, true)));
        String[] types = readModel.eventTypes().toArray(String[]::new);
        Counter counter = new Counter(progress, System.nanoTime());
        long safe = liveTokens.processedByAll(readModel.name());
        counter.total = count(types, -1, safe);
        long after = applyRange(projection, connection, types, -1, safe, event -> true, counter, true);
        // The last stretch: the live projection stops where it is, the rebuild catches up to
        // exactly its position, and both are compared and swapped before it starts again.
        return liveTokens.whilePaused(readModel.name(), paused -> {
            counter.total += count(types, after, paused.highestIndex());
            applyRange(projection, connection, types, after, paused.highestIndex(), paused::covers, counter, false);
            List<Comparison> comparison = shadow.compare();
            shadow.replaceLive();
            return comparison;
        });
    }

    private static final class Counter {
        private final Progress progress;
        private final long startedNanos;
        private long done;
        private long total;

        Counter(Progress progress, long startedNanos) {
            this.progress = progress;
            this.startedNanos = startedNanos;
        }
    }

    /** Applies the read model's events after {@code after} up to {@code upTo}; returns the last index read. */
    private long applyRange(AnnotationEventHandlerAdapter projection, Connection connection, String[] types, long after,
                            long upTo, Predicate<StoredEvent> include, Counter counter, boolean throttled)
            throws Exception {
        while (true) {
            List<StoredEvent> page = page(types, after, upTo);
            if (page.isEmpty()) {
                return after;
            }
            apply(projection, connection, page.stream().filter(include).toList());
            after = page.get(page.size() - 1).globalIndex();
            counter.done += page.size();
            counter.progress.update(counter.done, counter.total);
            if (throttled) {
                throttle(counter.done, counter.startedNanos);
            }
        }
    }

    private void apply(AnnotationEventHandlerAdapter projection, Connection connection, List<StoredEvent> page)
            throws Exception {
        if (page.isEmpty()) {
            return;
        }
        List<EventMessage<?>> messages = new ArrayList<>(page.size());
        for (StoredEvent event : page) {
            messages.add(event.message(serializer));
        }
        // A batch unit of work, as a pooled processor gives its projections, so projections
        // that gather writes for the whole batch behave the same live and in a rebuild.
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.executeWithResult(() -> projection.handle(unitOfWork.getMessage()));
        if (unitOfWork.isRolledBack() || unitOfWork.getExecutionResult() != null
                && unitOfWork.getExecutionResult().isExceptionResult()) {
            connection.rollback();
            throw new IllegalStateException("The projection failed on an event",
                    unitOfWork.getExecutionResult().getExceptionResult());
        }
        connection.commit();
    }

    private List<StoredEvent> page(String[] types, long after, long upTo) {
        return events.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index > ? "
                        + "and global_index <= ? and payload_type = any(?) order by global_index limit ?",
                (row, n) -> StoredEvent.from(row), after, upTo, types, batchSize);
    }

    private long count(String[] types, long after, long upTo) {
        Long count = events.queryForObject("select count(*) from domain_event_entry where global_index > ? "
                + "and global_index <= ? and payload_type = any(?)", Long.class, after, upTo, types);
        return count == null ? 0 : count;
    }

    private void throttle(long done, long startedNanos) throws InterruptedException {
        if (eventsPerSecond <= 0) {
            return;
        }
        long dueNanos = startedNanos + done * 1_000_000_000L / eventsPerSecond;
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
