package uk.police.bluelamp.audit.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
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
import uk.police.bluelamp.audit.store.StoredEvent;

/** Where a live projection has got to, from its tokens, and pausing it for the last stretch. */
@Component
class LiveTokens {

    interface PausedWork<T> {
        T run(Paused paused) throws Exception;
    }

    private record SegmentToken(Segment segment, TrackingToken token) {
    }

    /** The live projection, stopped: exactly which events its tables hold. */
    final class Paused {
        private final List<SegmentToken> segments;
        private final SequencingPolicy<? super org.axonframework.eventhandling.EventMessage<?>> policy;

        private Paused(List<SegmentToken> segments,
                       SequencingPolicy<? super org.axonframework.eventhandling.EventMessage<?>> policy) {
            this.segments = segments;
            this.policy = policy;
        }

        long highestIndex() {
            return segments.stream().mapToLong(s -> index(s.token())).max().orElse(-1);
        }

        boolean covers(StoredEvent event, org.axonframework.eventhandling.EventMessage<?> message) {
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

    LiveTokens(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
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
        return tokens.stream()
                .mapToLong(s -> lowerBound(s.token()))
                .min().orElse(-1);
    }

    <T> T whilePaused(String processor, PausedWork<T> work) throws Exception {
        StreamingEventProcessor live = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No running processor " + processor));
        live.shutdownAsync().get(60, TimeUnit.SECONDS);
        try {
            return work.run(new Paused(tokens(processor), processing.sequencingPolicy(processor)));
        } finally {
            live.start();
        }
    }

    private List<SegmentToken> tokens(String processor) {
        List<Object[]> rows = jdbc.query("select segment, token, token_type from token_entry where processor_name = ? "
                + "order by segment", (row, n) -> new Object[] {row.getInt(1), row.getBytes(2), row.getString(3)}, processor);
        int[] ids = rows.stream().mapToInt(row -> (Integer) row[0]).toArray();
        Segment[] segments = Segment.computeSegments(ids);
        List<SegmentToken> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            TrackingToken token = row[1] == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>((byte[]) row[1], byte[].class, (String) row[2], null));
            int id = (Integer) row[0];
            Segment segment = java.util.Arrays.stream(segments).filter(s -> s.getSegmentId() == id).findFirst().orElseThrow();
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
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        return unwrapped == null ? -1 : unwrapped.position().orElse(-1);
    }

    private static long index(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
