package uk.police.bluelamp.app.axon;

import java.time.Clock;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.police.bluelamp.messages.MetadataKeys;

/**
 * Axon on PostgreSQL through its JDBC engine (see docs/adr/0002-jdbc-event-store.md), whose
 * tables the platform names (platform.eventstore.AxonTables): metadata that follows every command
 * into its events. What a failing projection does is {@link DeadLetterConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CorrelationDataProvider correlationAndCausation() {
        return new CorrelationAndCausation();
    }

    @Bean
    CorrelationDataProvider channelAndActorProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.CHANNEL, MetadataKeys.ACTOR);
    }
}
