package uk.police.bluelamp.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC engine, with every append marked as the application's as it is inserted and
 * linked into the hash chain by {@link ChainSealer} once it commits (docs/adr/0048).
 */
class ChainedEventStorageEngine extends JdbcEventStorageEngine {

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final ChainSealer sealer;

    ChainedEventStorageEngine(
            Builder builder, ConnectionProvider connections, TransactionManager transactions, ChainSealer sealer) {
        super(builder);
        this.connections = connections;
        this.transactions = transactions;
        this.sealer = sealer;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // One transaction for lock and insert, even for an event published outside a unit of
        // work. The shared lock lets appends run side by side yet be waited for as a whole. The
        // insert marks each row as it stores it (MarkedAppend).
        transactions.executeInTransaction(() -> {
            if (firstAppendOfTransaction()) {
                withConnection(EventChain::lockForAppend);
            }
            super.appendEvents(events, serializer);
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

    /**
     * The committer's thread waits for the seal once per transaction, however many appends it
     * makes; the lock, taken by the first, is held to the commit.
     */
    private boolean firstAppendOfTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        boolean registered =
                TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(AwaitSeal.class::isInstance);
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(new AwaitSeal(sealer));
        }
        return !registered;
    }

    private record AwaitSeal(ChainSealer sealer) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            sealer.awaitSealed();
        }
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
