package uk.police.bluelamp.platform.eventstore;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Long-lived aggregates load from their latest snapshot and the events after it, so a command
 * costs the same at the ten-thousandth event as at the tenth (docs/adr/0047). A snapshot is taken
 * after a command whose load read more than {@code bluelamp.snapshots.after-events} events, by
 * Axon's snapshotter once that command has committed: it is derived data, never chained, and any
 * node may take or use one, since it is only the state up to its own sequence number.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateSnapshots {

    /** The trigger's bean name, for {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)}. */
    public static final String TRIGGER = "aggregateSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition aggregateSnapshotTrigger(
            Snapshotter snapshotter, @Value("${bluelamp.snapshots.after-events:50}") int afterEvents) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, afterEvents);
    }
}
