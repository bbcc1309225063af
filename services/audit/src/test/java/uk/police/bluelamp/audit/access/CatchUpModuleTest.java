package uk.police.bluelamp.audit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.audit.AuditIntegrationTest;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.event.CaseMessagePosted;

/**
 * The access log's processor reads from the platform's catch-up source as every read model's does
 * in the app (docs/adr/0051): behind the gap timeout it reads in full only what it handles, and it
 * ends where, and with what, the event store's own stream would have left it.
 */
class CatchUpModuleTest extends AuditIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Older than the gap timeout: what an outage leaves behind. */
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofMinutes(10));

    @Autowired
    private EventStore eventStore;

    @Autowired
    @Qualifier("catchUpSource")
    private StreamableMessageSource<TrackedEventMessage<?>> catchUp;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aStreamReadsWhatTheEventStoreReadsAndPassesOverOnlyTheTypesItIsToldToSkip() throws Exception {
        String reference = reference();
        GapAwareTrackingToken start = (GapAwareTrackingToken) eventStore.createHeadToken();
        history(reference, 2_000, 20);

        List<TrackedEventMessage<?>> stored = drain(eventStore.openStream(start), false);
        List<TrackedEventMessage<?>> everything = drain(catchUp.openStream(start), false);
        assertThat(everything).hasSize(stored.size());
        int longestRun = 0;
        for (int i = 0, run = 1; i < stored.size(); i++, run++) {
            assertThat(described(everything.get(i)))
                    .as("personal data opens the same")
                    .isEqualTo(described(stored.get(i)));
            TrackingToken token = everything.get(i).trackingToken();
            assertThat(token.covers(stored.get(i).trackingToken()))
                    .as("an event's token covers its own")
                    .isTrue();
            if (i == stored.size() - 1 || !token.equals(everything.get(i + 1).trackingToken())) {
                assertThat(token)
                        .as("a run of events sharing a token ends on the engine's token at its last")
                        .isEqualTo(stored.get(i).trackingToken());
                longestRun = Math.max(longestRun, run);
                run = 0;
            }
        }
        assertThat(longestRun)
                .as("events are handed to a work package in runs, which its buffer counts as one")
                .isBetween(2, 16);
        assertThat(stored)
                .anyMatch(m -> m.getPayload() instanceof CaseMessagePosted posted
                        && posted.text().startsWith("Sealed text"));

        double passedBefore = passedOver();
        List<TrackedEventMessage<?>> skipping = drain(catchUp.openStream(start), true);
        assertThat(skipping.stream()
                        .filter(m -> m.getPayload() instanceof CaseViewed)
                        .map(CatchUpModuleTest::described))
                .containsExactlyElementsOf(stored.stream()
                        .filter(m -> m.getPayload() instanceof CaseViewed)
                        .map(CatchUpModuleTest::described)
                        .toList());
        assertThat(skipping.get(skipping.size() - 1).trackingToken())
                .as("the last row is delivered whatever its type, so the token reaches the head")
                .isEqualTo(stored.get(stored.size() - 1).trackingToken());
        assertThat(passedOver() - passedBefore).isGreaterThan(1_000);
    }

    @Test
    void aProcessorRewoundOverALogOfOtherTypesReachesTheHeadWithTheRowsItHadAndThenTakesNewEvents() {
        String reference = reference();
        GapAwareTrackingToken start = (GapAwareTrackingToken) eventStore.createHeadToken();
        // A view every fourth event: every run of events sharing a token holds one, so only the
        // first event of a type, offered alone, tells the stream which types to pass over.
        history(reference, 3_000, 4);
        await().atMost(WAIT).until(() -> viewsOf(reference) == 750);
        List<Map<String, Object>> before = rowsOf(reference);

        StreamingEventProcessor accessLog = accessLog();
        accessLog.shutDown();
        jdbc.sql("delete from access_log where subject_id = :id")
                .param("id", reference)
                .update();
        moveTokens(start.getIndex(), "[]");
        double passedBefore = passedOver();
        accessLog.start();

        long head = ((GapAwareTrackingToken) eventStore.createHeadToken()).getIndex();
        await().atMost(WAIT).until(() -> viewsOf(reference) == 750 && lowestToken() >= head);
        assertThat(rowsOf(reference)).isEqualTo(before);
        assertThat(passedOver() - passedBefore)
                .as("the types the access log does not handle were passed over unread")
                .isGreaterThan(1_500);

        eventStore.publish(GenericEventMessage.asEventMessage(
                new CaseViewed(reference, "staff:after", "case", null, Instant.now())));
        await().atMost(Duration.ofSeconds(10)).until(() -> viewsOf(reference) == 751);
    }

    @Test
    void anEventCommittedBelowOnesAlreadyReadIsReadWhenTheProcessorComesBack() throws Exception {
        String reference = reference();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread late = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            eventStore.publish(viewed(reference, "staff:late", LONG_AGO));
            inserted.countDown();
            try {
                commit.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        late.start();
        assertThat(inserted.await(60, TimeUnit.SECONDS)).isTrue();
        eventStore.publish(viewed(reference, "staff:early", Instant.now()));
        await().atMost(WAIT).until(() -> viewsOf(reference) == 1);

        StreamingEventProcessor accessLog = accessLog();
        accessLog.shutDown();
        assertThat(jdbc.sql("select convert_from(token, 'UTF8') from token_entry where processor_name = 'access-log'")
                        .query(String.class)
                        .list())
                .as("the young event above it left the late one as a gap in the token")
                .anyMatch(token -> token != null && !token.contains("\"gaps\":[]"));
        commit.countDown();
        late.join();
        // Old by its time, so the catch-up reads past it: only the token's gap brings the late one.
        eventStore.publish(viewed(reference, "staff:after", LONG_AGO));
        accessLog.start();

        await().atMost(WAIT).until(() -> viewsOf(reference) == 3);
        assertThat(jdbc.sql("select viewer from access_log where subject_id = :id order by viewer")
                        .param("id", reference)
                        .query(String.class)
                        .list())
                .containsExactly("staff:after", "staff:early", "staff:late");
    }

    /** Events older than the gap timeout: a view in every {@code every}, the rest a type the access log does not handle. */
    private void history(String reference, int events, int every) {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Instant at = LONG_AGO.plusMillis(i);
            batch.add(
                    i % every == 0
                            ? viewed(reference, "staff:" + i, at)
                            : new GenericEventMessage<>(
                                    UUID.randomUUID().toString(),
                                    new CaseMessagePosted(
                                            reference,
                                            "m" + i,
                                            MessageAuthor.CITIZEN,
                                            "citizen",
                                            "Sealed text " + i + " \u2019\"",
                                            at),
                                    Map.of(),
                                    at));
            if (batch.size() == 500) {
                eventStore.publish(batch);
                batch.clear();
            }
        }
        eventStore.publish(batch);
    }

    private static EventMessage<CaseViewed> viewed(String reference, String viewer, Instant at) {
        return new GenericEventMessage<>(
                UUID.randomUUID().toString(), new CaseViewed(reference, viewer, "case", null, at), Map.of(), at);
    }

    /** Until it has nothing more; skipping as the pooled coordinator does, every type but views. */
    private static List<TrackedEventMessage<?>> drain(BlockingStream<TrackedEventMessage<?>> stream, boolean skip)
            throws InterruptedException {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        try (stream) {
            while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                read.add(message);
                if (skip && !(message.getPayload() instanceof CaseViewed)) {
                    stream.skipMessagesWithPayloadTypeOf(message);
                }
            }
        }
        return read;
    }

    private static String described(TrackedEventMessage<?> message) {
        return message.getIdentifier() + " " + message.getTimestamp() + " " + message.getPayload() + " "
                + message.getMetaData();
    }

    private StreamingEventProcessor accessLog() {
        return processing
                .eventProcessor(AccessLogProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private void moveTokens(long index, String gaps) {
        jdbc.sql("update token_entry set owner = null, token = convert_to('{\"index\":' || :index || ',\"gaps\":" + gaps
                        + "}', 'UTF8') where processor_name = 'access-log'")
                .param("index", index)
                .update();
    }

    private long lowestToken() {
        return jdbc.sql("select min((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint) from token_entry"
                        + " where processor_name = 'access-log'")
                .query(Long.class)
                .single();
    }

    private double passedOver() {
        return meters.get("bluelamp.catch_up.events")
                .tag("read", "passed-over")
                .counter()
                .count();
    }

    private long viewsOf(String reference) {
        return jdbc.sql("select count(*) from access_log where subject_id = :id")
                .param("id", reference)
                .query(Long.class)
                .single();
    }

    private List<Map<String, Object>> rowsOf(String reference) {
        return jdbc.sql("select * from access_log where subject_id = :id order by event_id")
                .param("id", reference)
                .query()
                .listOfRows();
    }

    private static String reference() {
        return "BL-CU-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
