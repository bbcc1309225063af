package uk.police.bluelamp.platform.eventstore;

import io.micrometer.core.instrument.Counter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A processor's stream that reads what is older than the gap timeout itself and reads in full only
 * the events of types the processor has not told it to skip (Axon's pooled coordinator does, for a
 * type none of its handlers takes), then hands over to the event store's own stream at the token it
 * reached. Every row it passes over still moves the token exactly as the storage engine moves it,
 * and the last row of each window is delivered whatever its type, so the token the processor stores
 * keeps up with the read. See docs/adr/0051.
 */
final class CatchUpStream implements TrackingEventStream {

    static final int WINDOW = 10_000;
    static final int CHUNK = 500;

    private final OldEvents log;
    private final EventStore store;
    private final Counter passedOver;
    private final Counter read;
    private final CatchUpRuns runs;
    private final Set<String> skipped = new HashSet<>();
    private final Set<String> offeredAlone = new HashSet<>();
    private final Deque<OldEvents.Row> seen = new ArrayDeque<>();
    private final Deque<TrackedEventMessage<?>> ready = new ArrayDeque<>();
    private final AtomicBoolean inRuns = new AtomicBoolean(true);
    private GapAwareTrackingToken token;
    private long scanned;
    private boolean caughtUp;
    private BlockingStream<TrackedEventMessage<?>> live;
    private Runnable onAvailable;
    private RuntimeException failed;
    private boolean closed;

    CatchUpStream(
            OldEvents log,
            EventStore store,
            GapAwareTrackingToken from,
            Counter passedOver,
            Counter read,
            CatchUpRuns runs) {
        this.log = log;
        this.store = store;
        this.token = from;
        this.scanned = from == null ? -1 : from.getIndex();
        this.passedOver = passedOver;
        this.read = read;
        this.runs = runs;
        runs.started();
    }

    /** Once, at the hand-over or at close, whichever comes first. */
    private void leaveRuns() {
        if (inRuns.compareAndSet(true, false)) {
            runs.ended();
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        fill();
        if (!ready.isEmpty()) {
            return Optional.of(ready.peek());
        }
        return live == null ? Optional.empty() : live.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        fill();
        if (!ready.isEmpty()) {
            return true;
        }
        return live != null && live.hasNextAvailable(timeout, unit);
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        fill();
        if (!ready.isEmpty()) {
            return ready.poll();
        }
        if (live == null) {
            throw new IllegalStateException("The catch-up stream is closed");
        }
        return live.nextAvailable();
    }

    /** Only while catching up; the event store's stream skips nothing. */
    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
        if (live == null) {
            skipped.add(log.typeOf(ignored));
        } else {
            live.skipMessagesWithPayloadTypeOf(ignored);
        }
    }

    /**
     * Kept for the event store's stream; Axon's embedded one has no callback, so the processor polls
     * as it always has, and so that it does so from the start this says it has none either.
     */
    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        if (live != null) {
            live.setOnAvailableCallback(callback);
        }
        return false;
    }

    @Override
    public void close() {
        leaveRuns();
        closed = true;
        if (live != null) {
            live.close();
        }
    }

    private void fill() {
        if (failed != null) {
            throw failed;
        }
        try {
            while (ready.isEmpty() && live == null && !closed) {
                if (!seen.isEmpty()) {
                    readWanted();
                } else if (caughtUp) {
                    leaveRuns();
                    live = store.openStream(token);
                    if (onAvailable != null) {
                        live.setOnAvailableCallback(onAvailable);
                    }
                } else {
                    OldEvents.Window window = log.window(scanned, gaps(), WINDOW, skipped);
                    seen.addAll(window.rows());
                    caughtUp = window.caughtUp();
                    if (!window.rows().isEmpty()) {
                        scanned = Math.max(
                                scanned,
                                window.rows().get(window.rows().size() - 1).index());
                    }
                }
            }
        } catch (RuntimeException e) {
            failed = e;
            throw e;
        }
    }

    /**
     * Up to a chunk of the rows seen whose type is not skipped, and the window's last row, read in
     * full; the token moves over every row on the way, as {@code JdbcEventStorageEngine} moves it
     * over a row older than its gap timeout: no gap below it is kept.
     */
    private void readWanted() {
        List<OldEvents.Row> wanted = new ArrayList<>();
        List<GapAwareTrackingToken> tokens = new ArrayList<>();
        GapAwareTrackingToken reached = token;
        int passed = 0;
        while (!seen.isEmpty() && wanted.size() < CHUNK) {
            OldEvents.Row row = seen.poll();
            reached = reached == null
                    ? GapAwareTrackingToken.newInstance(row.index(), Collections.emptySortedSet())
                    : reached.advanceTo(row.index(), 0);
            if (seen.isEmpty() || row.type() != null && !skipped.contains(row.type())) {
                wanted.add(row);
                tokens.add(reached);
            } else {
                passed++;
            }
        }
        ready.addAll(log.read(wanted, sharedInRuns(wanted, tokens)));
        token = reached;
        passedOver.increment(passed);
        read.increment(wanted.size());
    }

    /**
     * Runs of up to {@link CatchUpRuns#length()} events carry the token reached at their last:
     * Axon's coordinator hands events with one token to a work package as one entry, as it does an
     * upcast event's parts, and waits 100 ms whenever a work package holds
     * {@code WorkPackage.BUFFER_SIZE} entries; one event an entry capped a catching-up processor at
     * about 10,000 events a second whatever its work. A run is stored as done only when all of it is, its token covering each of its
     * events' own. The first event of a type goes alone: the coordinator says it skips a type
     * only of an entry none of whose events it handles (docs/adr/0052).
     */
    private List<GapAwareTrackingToken> sharedInRuns(List<OldEvents.Row> wanted, List<GapAwareTrackingToken> tokens) {
        int longest = runs.length();
        GapAwareTrackingToken[] shared = new GapAwareTrackingToken[tokens.size()];
        int runStart = 0;
        for (int i = 0; i < wanted.size(); i++) {
            boolean alone = offeredAlone.add(wanted.get(i).type());
            if (alone && i > runStart) {
                Arrays.fill(shared, runStart, i, tokens.get(i - 1));
                runStart = i;
            }
            if (alone || i - runStart + 1 == longest || i == wanted.size() - 1) {
                Arrays.fill(shared, runStart, i + 1, tokens.get(i));
                runStart = i + 1;
            }
        }
        return Arrays.asList(shared);
    }

    private SortedSet<Long> gaps() {
        return token == null ? Collections.emptySortedSet() : token.getGaps();
    }
}
