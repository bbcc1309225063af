package uk.police.bluelamp.audit.replay;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.police.bluelamp.audit.deadletters.DeadLetters;
import uk.police.bluelamp.audit.replay.ReadModels.Rebuildable;
import uk.police.bluelamp.audit.replay.ShadowTables.Comparison;
import uk.police.bluelamp.platform.eventstore.StoredEvent;
import uk.police.bluelamp.platform.personaldata.OpensSealedValues;

/**
 * One rebuild of one read model (docs/adr/0010-rebuild-into-shadow-tables.md). The events
 * go through a fresh copy of the projection into shadow tables while the live projection
 * keeps serving; only the last stretch runs with the live processor held on every node
 * (docs/adr/0025-cluster-wide-rebuilds.md), so both hold exactly the same events when they are
 * compared and the rebuilt rows replace the live ones.
 * Nothing but that one projection sees the events: no notification, no push.
 * <p>
 * A poison event parks its sequence here as it does live, and the swap makes the rebuild's
 * parked sequences the read model's dead letters; events an admin evicted are left out
 * (docs/adr/0016-dead-letters-park-one-sequence.md).
 */
final class Rebuild {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

    interface Progress {
        void update(long done, long total);
    }

    private final Rebuildable readModel;
    private final JdbcTemplate events;
    private final Serializer serializer;
    private final LiveTokens liveTokens;
    private final int batchSize;
    private final int readers;
    private final int eventsPerSecond;
    private final DeadLetters deadLetters;

    Rebuild(
            Rebuildable readModel,
            JdbcTemplate events,
            Serializer serializer,
            LiveTokens liveTokens,
            int batchSize,
            int readers,
            int eventsPerSecond,
            DeadLetters deadLetters) {
        this.readers = Math.max(1, readers);
        this.deadLetters = deadLetters;
        this.readModel = readModel;
        this.events = events;
        this.serializer = serializer;
        this.liveTokens = liveTokens;
        this.batchSize = batchSize;
        this.eventsPerSecond = eventsPerSecond;
    }

    /** What the swap's transaction must also do: it commits only if this does not throw. */
    interface Finish {
        void run(Connection swap, List<Comparison> comparison) throws Exception;
    }

    /**
     * @param run   the run whose hold the live tokens take, on every node (docs/adr/0025-cluster-wide-rebuilds.md)
     * @param grace how long other nodes have to let go of the segments before they are taken
     */
    List<Comparison> run(ShadowTables shadow, Progress progress, UUID run, Duration grace, Finish finish)
            throws Exception {
        String holder = LiveTokens.holder(run);
        String[] types = readModel.eventTypes().toArray(String[]::new);
        Counter counter = new Counter(progress, System.nanoTime());
        try (SegmentWriters writers = new SegmentWriters(readModel, shadow.connections())) {
            long safe = liveTokens.processedByAll(readModel.name());
            counter.total = count(types, -1, safe);
            Set<String> evicted = deadLetters.evicted(readModel.name());
            long after = applyRange(
                    writers, types, -1, safe, (event, message) -> !evicted.contains(event.eventId()), counter, true);
            shadow.buildDeferredIndexes();
            counter.progress.update(counter.done, counter.total);
            // The last stretch: the live projection stops where it is on every node, the rebuild
            // catches up to exactly its position, and both are compared and swapped before it goes on.
            return liveTokens.whileHeld(readModel.name(), run, grace, paused -> {
                counter.total += count(types, after, paused.highestIndex());
                Set<String> evictedSince = deadLetters.evicted(readModel.name());
                applyRange(
                        writers,
                        types,
                        after,
                        paused.highestIndex(),
                        (event, message) -> paused.covers(event, message) && !evictedSince.contains(event.eventId()),
                        counter,
                        false);
                Map<String, List<EventMessage<?>>> parked = writers.parked();
                LOG.info(
                        "Rebuilt {}: {} events, {} ms waiting for the reader, {} ms writing; {} sequence(s) parked",
                        readModel.name(),
                        counter.done,
                        counter.waitingNanos / 1_000_000,
                        counter.writingNanos / 1_000_000,
                        parked.size());
                List<Comparison> comparison = shadow.compare();
                shadow.replaceLive(readModel.name(), swap -> {
                    deadLetters.replace(swap, readModel.name(), parked, writers.causes());
                    LiveTokens.releaseInSwap(swap, readModel.name(), holder);
                    finish.run(swap, comparison);
                });
                return comparison;
            });
        }
    }

    private static final class Counter {
        private final Progress progress;
        private final long startedNanos;
        private long done;
        private long total;
        private long waitingNanos;
        private long writingNanos;

        Counter(Progress progress, long startedNanos) {
            this.progress = progress;
            this.startedNanos = startedNanos;
        }
    }

    /** One window of the log, read and deserialised ahead of its turn. */
    private record Window(long end, int read, List<EventMessage<?>> messages) {}

    /**
     * Applies the read model's events after {@code after} up to {@code upTo}; returns the last
     * index read. The next windows are read and deserialised on other threads while this one is
     * written, so reading, deserialising and writing overlap; deserialising is the reader's
     * heaviest work, so several windows are read side by side and applied in order.
     */
    private long applyRange(
            SegmentWriters writers,
            String[] types,
            long after,
            long upTo,
            BiPredicate<StoredEvent, EventMessage<?>> include,
            Counter counter,
            boolean throttled)
            throws Exception {
        if (after >= upTo) {
            return after;
        }
        ExecutorService reader = Executors.newFixedThreadPool(readers, r -> new Thread(r, "read-model-rebuild-reader"));
        try {
            Deque<Future<Window>> ahead = new ArrayDeque<>();
            long nextStart = readAhead(ahead, reader, types, after, upTo, include);
            while (true) {
                long waiting = System.nanoTime();
                Window current = ahead.remove().get();
                counter.waitingNanos += System.nanoTime() - waiting;
                nextStart = readAhead(ahead, reader, types, nextStart, upTo, include);
                long writing = System.nanoTime();
                writers.apply(current.messages());
                counter.writingNanos += System.nanoTime() - writing;
                counter.done += current.read();
                counter.progress.update(counter.done, counter.total);
                if (throttled) {
                    throttle(counter.done, counter.startedNanos);
                }
                if (current.end() >= upTo) {
                    return current.end();
                }
            }
        } finally {
            reader.shutdownNow();
        }
    }

    /** Keeps as many windows being read as there are readers; returns where the next one starts. */
    private long readAhead(
            Deque<Future<Window>> ahead,
            ExecutorService reader,
            String[] types,
            long nextStart,
            long upTo,
            BiPredicate<StoredEvent, EventMessage<?>> include) {
        long start = nextStart;
        while (ahead.size() < readers && start < upTo) {
            long from = start;
            ahead.add(reader.submit(() -> window(types, from, upTo, include)));
            start = Math.min(upTo, from + batchSize);
        }
        return start;
    }

    private Window window(String[] types, long after, long upTo, BiPredicate<StoredEvent, EventMessage<?>> include) {
        long end = Math.min(upTo, after + batchSize);
        List<StoredEvent> page = page(types, after, end);
        if (serializer instanceof OpensSealedValues opening) {
            opening.warmKeysFor(page.stream()
                    .map(StoredEvent::aggregateId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
        }
        List<EventMessage<?>> messages = new ArrayList<>(page.size());
        for (StoredEvent event : page) {
            EventMessage<?> message = event.message(serializer);
            if (include.test(event, message)) {
                messages.add(message);
            }
        }
        return new Window(end, page.size(), messages);
    }

    /**
     * A window of global indexes rather than a LIMIT: a range scan of the primary key stays
     * cheap however many types the read model handles, where "type in (...) order by index
     * limit n" makes PostgreSQL sort every later event of those types for each page.
     */
    private List<StoredEvent> page(String[] types, long after, long upTo) {
        return events.query(
                "select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index > ? "
                        + "and global_index <= ? and payload_type = any(?) order by global_index",
                (row, n) -> StoredEvent.from(row),
                after,
                upTo,
                types);
    }

    private long count(String[] types, long after, long upTo) {
        Long count = events.queryForObject(
                "select count(*) from domain_event_entry where global_index > ? "
                        + "and global_index <= ? and payload_type = any(?)",
                Long.class,
                after,
                upTo,
                types);
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
