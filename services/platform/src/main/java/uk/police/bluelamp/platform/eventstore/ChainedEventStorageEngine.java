package uk.police.bluelamp.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import uk.police.bluelamp.messages.MetadataKeys;

/** Axon's JDBC engine, with every append sealed into the hash chain in the same transaction. */
class ChainedEventStorageEngine extends JdbcEventStorageEngine {

    private final ConnectionProvider connections;
    private final TransactionManager transactions;

    ChainedEventStorageEngine(Builder builder, ConnectionProvider connections, TransactionManager transactions) {
        super(builder);
        this.connections = connections;
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, EventChain.Facts> facts = new HashMap<>();
        for (EventMessage<?> event : events) {
            facts.put(
                    event.getIdentifier(),
                    new EventChain.Facts(
                            text(event, MetadataKeys.ACTOR), text(event, MetadataKeys.CHANNEL), event.getTimestamp()));
        }
        // One transaction for lock, insert and seal, even for an event published outside a unit
        // of work. The lock comes before the insert, so appends to one aggregate conflict only
        // after a commit, never while both wait.
        transactions.executeInTransaction(() -> {
            withConnection(EventChain::lock);
            super.appendEvents(events, serializer);
            withConnection(connection -> EventChain.seal(connection, facts));
        });
    }

    /**
     * Read here rather than when the repository first touches it: a snapshot that does not read
     * (tampered with, or written by code that is gone) then fails where Axon's event store passes
     * it over and loads the aggregate from its events, which are the record.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
        snapshot.ifPresent(DomainEventMessage::getPayload);
        return snapshot;
    }

    private static String text(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private void withConnection(SqlWork work) {
        try {
            Connection connection = connections.getConnection();
            try {
                work.run(connection);
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not seal events into the audit chain", e);
        }
    }
}
