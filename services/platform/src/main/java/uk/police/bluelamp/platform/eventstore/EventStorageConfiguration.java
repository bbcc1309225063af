package uk.police.bluelamp.platform.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import uk.police.bluelamp.platform.personaldata.PersonalDataSerializer;
import uk.police.bluelamp.platform.personaldata.PersonalStateSerializer;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/**
 * Replaces Axon's JDBC storage engine with the same engine plus the hash chain; snapshots are
 * sealed like events and passed over once their aggregate's shape has changed.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventStorageConfiguration {

    /**
     * Axon's default, named because the catch-up reads only rows older than it: a row the engine
     * would no longer wait for below it is one the catch-up may pass over (docs/adr/0051).
     */
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            SubjectKeys keys,
            PersistenceExceptionResolver exceptions,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration axon,
            ConnectionProvider connections,
            TransactionManager transactions,
            EventSchema schema,
            ChainSealer sealer) {
        PersonalStateSerializer snapshotSerializer = PersonalStateSerializer.over(defaultSerializer, keys);
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                // In place of Axon's filter by @Revision, which the shape's fingerprint includes.
                .snapshotFilter(snapshotSerializer::isCurrent)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .appendEvents(new MarkedAppend())
                .gapTimeout(GAP_TIMEOUT_MILLIS);
        return new ChainedEventStorageEngine(builder, connections, transactions, sealer);
    }

    /** Shared by every catching-up stream on the node, whichever source opened it (docs/adr/0052). */
    @Bean
    CatchUpRuns catchUpRuns() {
        return new CatchUpRuns();
    }

    /** What the read models' processors read from (docs/adr/0051). */
    @Bean
    StreamableMessageSource<TrackedEventMessage<?>> catchUpSource(
            EventStore eventStore,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration axon,
            ConnectionProvider connections,
            TransactionManager transactions,
            EventSchema schema,
            MeterRegistry meters,
            CatchUpRuns runs) {
        return new CatchUpSource(
                eventStore,
                new OldEvents(
                        connections, transactions, schema, eventSerializer, axon.upcasterChain(), GAP_TIMEOUT_MILLIS),
                meters,
                runs);
    }

    /**
     * The same for a read model that holds no personal data: what it catches up on is read with
     * sealed values left closed, as its rebuild reads them (docs/adr/0049).
     */
    @Bean
    StreamableMessageSource<TrackedEventMessage<?>> closedCatchUpSource(
            EventStore eventStore,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration axon,
            ConnectionProvider connections,
            TransactionManager transactions,
            EventSchema schema,
            MeterRegistry meters,
            CatchUpRuns runs) {
        Serializer closed =
                eventSerializer instanceof PersonalDataSerializer personal ? personal.closed() : eventSerializer;
        return catchUpSource(eventStore, closed, axon, connections, transactions, schema, meters, runs);
    }
}
