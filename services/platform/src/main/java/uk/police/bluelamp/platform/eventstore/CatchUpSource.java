package uk.police.bluelamp.platform.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The read models' processors' source (application.yml, {@code source: catchUpSource}): the event
 * store, except that a stream opened behind the last gap timeout catches up through a
 * {@link CatchUpStream}. Tokens are the event store's; a token of another kind (a replay's)
 * opens the event store's own stream.
 */
final class CatchUpSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore store;
    private final OldEvents log;
    private final Counter passedOver;
    private final Counter read;
    private final CatchUpRuns runs;

    CatchUpSource(EventStore store, OldEvents log, MeterRegistry meters, CatchUpRuns runs) {
        this.store = store;
        this.log = log;
        this.runs = runs;
        this.passedOver = Counter.builder("bluelamp.catch_up.events")
                .description("Events a catching-up processor passed over by type without reading them")
                .tag("read", "passed-over")
                .register(meters);
        this.read = Counter.builder("bluelamp.catch_up.events")
                .description("Events a catching-up processor read in full")
                .tag("read", "in-full")
                .register(meters);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return new CatchUpStream(log, store, (GapAwareTrackingToken) token, passedOver, read, runs);
        }
        return store.openStream(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}
