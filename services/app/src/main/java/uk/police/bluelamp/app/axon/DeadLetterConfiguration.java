package uk.police.bluelamp.app.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.function.Predicate;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import uk.police.bluelamp.audit.deadletters.DeadLetters;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/**
 * A poison event parks its own sequence, everything else flows (docs/adr/0016): every processing
 * group a streaming processor runs keeps its dead letters in PostgreSQL, each handler runs in a
 * savepoint so the dead letter can be stored in the batch's transaction, and what is stored about
 * the failure carries no personal data. The payload goes through the event serializer, so a dead
 * letter's personal data is ciphertext under its subject's key and an erasure covers it.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** Axon's default: more letters behind one poison event than this fail the batch, loudly, instead. */
    private static final int SEQUENCE_SIZE = 1024;

    /** Every group but the subscribing ones (the live pushes); a group not configured gets Axon's default, a streaming processor. */
    static Predicate<String> deadLettered(EventProcessorProperties properties) {
        return group -> {
            EventProcessorProperties.ProcessorSettings settings =
                    properties.getProcessors().get(group);
            return settings == null || settings.getMode() != EventProcessorProperties.Mode.SUBSCRIBING;
        };
    }

    /** Named as Axon's own, which it replaces: that one enables groups by property, this one by processor mode. */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties properties,
            ConnectionProvider connections,
            TransactionManager transactions,
            DeadLetterSchema schema,
            @Qualifier("eventSerializer") Serializer events,
            Serializer general) {
        Predicate<String> deadLettered = deadLettered(properties);
        return new DeadLetterQueueProviderConfigurerModule(properties, group -> null) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer
                        .eventProcessing()
                        .registerDeadLetterQueueProvider(group -> !deadLettered.test(group)
                                ? null
                                : configuration -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                        .processingGroup(group)
                                        .connectionProvider(connections)
                                        .transactionManager(transactions)
                                        .schema(schema)
                                        .statementFactory(new PagedDeadLetterStatements<>(schema, general, events))
                                        // A sequence is read in one page: Axon's sequence query limits by
                                        // the sequence size, not by the page size it pages by.
                                        .maxSequenceSize(SEQUENCE_SIZE)
                                        .pageSize(SEQUENCE_SIZE)
                                        .genericSerializer(general)
                                        .eventSerializer(events)
                                        .build());
            }
        };
    }

    /**
     * {@code bluelamp.dead-letters.savepoints}: {@code on-failure} (the default), or, for measuring
     * what savepoints cost (CatchUpBenchmark), {@code always} or {@code never}.
     */
    @Bean
    ProjectionSavepoints projectionSavepoints(
            PlatformTransactionManager transactions,
            EventProcessorProperties properties,
            @Value("${bluelamp.dead-letters.savepoints:on-failure}") String mode) {
        return new ProjectionSavepoints(
                transactions,
                deadLettered(properties),
                ProjectionSavepoints.Mode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    /** Events waiting in each read model's dead letters, read from the database so every node reports the same. */
    @Bean
    MeterBinder deadLetterGauges(DeadLetters deadLetters, EventProcessorProperties properties) {
        return registry -> properties.getProcessors().keySet().stream()
                .filter(deadLettered(properties))
                .sorted()
                .forEach(group -> Gauge.builder("bluelamp.dead.letters", deadLetters, d -> d.count(group))
                        .description("Events a projection could not handle, waiting with the rest of their sequence")
                        .tag("read.model", group)
                        .register(registry));
    }

    @Autowired
    void deadLetterPolicy(EventProcessingConfigurer processing, EventProcessorProperties properties) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> new LoggedNotThrown());
        // A failure whose writes were not undone cannot be parked with the batch going on: the
        // batch fails instead, and comes round again with the event in a savepoint.
        processing.registerDefaultDeadLetterPolicy(configuration -> (letter, cause) -> {
            ProjectionFailure failure = ProjectionFailure.of(cause);
            if (cause instanceof ProjectionFailure && !failure.undone()) {
                throw failure;
            }
            return Decisions.enqueue(failure.asCause());
        });
        // A reset replays the group from the start: its dead letters are then moot, so they go.
        // The cache spares a lookup per event while a segment has no dead letters.
        properties.getProcessors().keySet().stream()
                .filter(deadLettered(properties))
                .forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        group,
                        (configuration, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache()));
    }
}
