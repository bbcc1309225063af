package uk.police.bluelamp.audit.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.platform.eventstore.StoredEvent;

/** Where a live projection has got to, from its tokens, and holding it on every node for the last stretch. */
@Component
class LiveTokens {

    interface PausedWork<T> {
        T run(Paused paused) throws Exception;
    }

    private record SegmentToken(Segment segment, TrackingToken token) {}

    /** The live projection, stopped: exactly which events its tables hold. */
    final class Paused {
        private final List<SegmentToken> segments;
        private final SequencingPolicy<? super EventMessage<?>> policy;

        private Paused(List<SegmentToken> segments, SequencingPolicy<? super EventMessage<?>> policy) {
            this.segments = segments;
            this.policy = policy;
        }

        long highestIndex() {
            return segments.stream().mapToLong(s -> index(s.token())).max().orElse(-1);
        }

        boolean covers(StoredEvent event, EventMessage<?> message) {
            Object sequence = policy.getSequenceIdentifierFor(message);
            for (SegmentToken segment : segments) {
                if (segment.segment().matches(sequence == null ? event.eventId() : sequence)) {
                    return processed(segment.token(), event.globalIndex());
                }
            }
            return false;
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Clock clock;

    LiveTokens(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** Every event up to the returned index is in the live tables, and stays there. */
    long processedByAll(String processor) {
        List<SegmentToken> tokens = tokens(processor);
        if (tokens.isEmpty()) {
            return -1;
        }
        return tokens.stream().mapToLong(s -> lowerBound(s.token())).min().orElse(-1);
    }

    /**
     * Runs the work while this rebuild holds every segment of the processor: the token rows name
     * it as their owner, so under JdbcTokenStore's claim rule no node's processor can claim them
     * (however it balances, starts or restarts) while the holder keeps their timestamps fresh
     * ({@link #refresh}). They are taken whatever their owner: a live batch that has not stored
     * its token yet then cannot, and rolls back; one that has, commits first (the update waits
     * for its row lock). The tables therefore hold exactly the events of the tokens read here.
     */
    <T> T whileHeld(String processor, UUID run, Duration grace, PausedWork<T> work) throws Exception {
        String holder = holder(run);
        askToLetGo(processor, run, grace);
        jdbc.update(
                "update token_entry set owner = ?, timestamp = ? where processor_name = ?",
                holder,
                DateTimeUtils.formatInstant(clock.instant()),
                processor);
        try {
            return work.run(new Paused(tokens(processor), processing.sequencingPolicy(processor)));
        } finally {
            jdbc.update(
                    "update token_entry set owner = null where processor_name = ? and owner = ?", processor, holder);
        }
    }

    /**
     * A courtesy before the take: every node's watch sees the request and releases its claims
     * ({@link #letGoHere}), so no batch of theirs is cut off. Rows let go are held at once; after
     * the grace, the rest are taken anyway.
     */
    private void askToLetGo(String processor, UUID run, Duration grace) throws InterruptedException {
        jdbc.update("update replay_run set hold_asked_at = now() where id = ?", run);
        letGoHere(processor);
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            jdbc.update(
                    "update token_entry set owner = ?, timestamp = ? where processor_name = ? and owner is null",
                    holder(run),
                    DateTimeUtils.formatInstant(clock.instant()),
                    processor);
            Long others = jdbc.queryForObject(
                    "select count(*) from token_entry where processor_name = ? " + "and owner is distinct from ?",
                    Long.class,
                    processor,
                    holder(run));
            if (others == null || others == 0 || System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(LET_GO_POLL_MILLIS);
        }
    }

    private static final long LET_GO_POLL_MILLIS = 100;

    /** Releases this node's claims on the processor's segments; it cannot claim them back while they are held. */
    void letGoHere(String processor) {
        processing
                .eventProcessor(processor, StreamingEventProcessor.class)
                .ifPresent(live -> live.processingStatus().keySet().forEach(live::releaseSegment));
    }

    /** The token rows' owner while a run holds them. */
    static String holder(UUID run) {
        return "rebuild:" + run;
    }

    /**
     * Keeps the holds alive past the claim timeout. Rows locked by a swap are skipped: the swap
     * releases them anyway, and a heartbeat must never wait on one.
     */
    void refresh(Collection<String> holders) {
        if (!holders.isEmpty()) {
            jdbc.update(
                    "update token_entry set timestamp = ? where (processor_name, segment) in (select processor_name, "
                            + "segment from token_entry where owner = any(?) for update skip locked)",
                    DateTimeUtils.formatInstant(clock.instant()),
                    holders.toArray(String[]::new));
        }
    }

    /** Lets the live processors go again, the holder's own rows only. */
    void release(String holder) {
        jdbc.update("update token_entry set owner = null where owner = ?", holder);
    }

    /**
     * In the swap's transaction: the hold ends with the swap. Fails (and so undoes the swap) if
     * the hold was lost on the way, as it is when its heartbeat stopped long enough for another
     * node to fail the run; the tables would then no longer match the tokens.
     */
    static void releaseInSwap(Connection swap, String processor, String holder) throws SQLException {
        int segments;
        int released;
        try (PreparedStatement count =
                swap.prepareStatement("select count(*) from public.token_entry where processor_name = ?")) {
            count.setString(1, processor);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                segments = row.getInt(1);
            }
        }
        try (PreparedStatement release = swap.prepareStatement(
                "update public.token_entry set owner = null where processor_name = ? and owner = ?")) {
            release.setString(1, processor);
            release.setString(2, holder);
            released = release.executeUpdate();
        }
        if (released != segments) {
            throw new IllegalStateException("The rebuild lost its hold on " + processor + "'s segments");
        }
    }

    private List<SegmentToken> tokens(String processor) {
        List<Object[]> rows = jdbc.query(
                "select segment, token, token_type from token_entry where processor_name = ? " + "order by segment",
                (row, n) -> new Object[] {row.getInt(1), row.getBytes(2), row.getString(3)},
                processor);
        int[] ids = rows.stream().mapToInt(row -> (Integer) row[0]).toArray();
        Segment[] segments = Segment.computeSegments(ids);
        List<SegmentToken> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            TrackingToken token = row[1] == null
                    ? null
                    : serializer.deserialize(
                            new SimpleSerializedObject<>((byte[]) row[1], byte[].class, (String) row[2], null));
            int id = (Integer) row[0];
            Segment segment = Arrays.stream(segments)
                    .filter(s -> s.getSegmentId() == id)
                    .findFirst()
                    .orElseThrow();
            result.add(new SegmentToken(segment, token));
        }
        return result;
    }

    /**
     * Whether the token's processor has handled the event at this index. Not Axon's covers(),
     * which also asks the gaps below the index to match, and so says no after a lasting gap.
     */
    private static boolean processed(TrackingToken token, long index) {
        TrackingToken unwrapped = token == null ? null : WrappedToken.unwrapUpperBound(token);
        if (unwrapped instanceof GapAwareTrackingToken gapAware) {
            return index <= gapAware.getIndex() && !gapAware.getGaps().contains(index);
        }
        return unwrapped != null && index <= unwrapped.position().orElse(-1);
    }

    /** The highest index at or below which this token has seen every event. */
    private static long lowerBound(TrackingToken token) {
        TrackingToken unwrapped = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (unwrapped instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty()
                    ? gapAware.getIndex()
                    : gapAware.getGaps().first() - 1;
        }
        return unwrapped == null ? -1 : unwrapped.position().orElse(-1);
    }

    private static long index(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
