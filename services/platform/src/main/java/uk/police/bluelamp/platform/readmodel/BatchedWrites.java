package uk.police.bluelamp.platform.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's changes gathered over the batch its processor (or a rebuild) handles in one
 * unit of work, and written when it commits in a few set-based statements instead of a few
 * statements per event: row by row, a rebuild of millions of events is bound by round trips.
 * <p>
 * A row PostgreSQL refuses fails the whole batch, which names no event; so the events of a batch
 * that failed, and a dead letter being retried, are written one by one, each in a savepoint of
 * its own, where a refusal parks that one event (docs/adr/0016, docs/adr/0050).
 *
 * @param <C> the projection's own gathering of changes; it must leave exactly the rows its
 *     events' statements would have left one at a time
 */
public final class BatchedWrites<C extends BatchedWrites.Changes> {

    /** Changes gathered in memory, written in one go on the unit of work's connection. */
    public interface Changes {
        void write(Connection connection) throws SQLException;
    }

    private static final int REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final Supplier<C> fresh;
    private final String resource;
    /**
     * Events of a batch that failed, to write one by one when the batch comes round again. In
     * this node's memory only: forgotten, the batch fails once more and they are remembered again.
     */
    private final Set<String> inFailedBatch =
            Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public BatchedWrites(JdbcTemplate jdbc, Class<?> projection, Supplier<C> fresh) {
        this.jdbc = jdbc;
        this.fresh = fresh;
        this.resource = projection.getName() + ".pending";
    }

    /**
     * Adds one event's change to its batch, or writes it at once: alone in a savepoint when it must
     * be parkable by itself (after the batch gathered before it, so rows change in event order),
     * and straight away when no batch of events is being handled (a query replaying a case into
     * temporary tables reads them before its outer unit of work ends).
     */
    public void write(String eventId, Consumer<C> change) {
        if (!handlingEvents()) {
            C now = fresh.get();
            change.accept(now);
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                now.write(connection);
                return null;
            });
            return;
        }
        boolean retried = CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
        Batch<C> batch = pending();
        if (retried || inFailedBatch.contains(eventId)) {
            flush(batch);
            C alone = fresh.get();
            change.accept(alone);
            writeAlone(alone);
        } else {
            change.accept(batch.changes);
            batch.eventIds.add(eventId);
        }
    }

    private static boolean handlingEvents() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().getMessage() instanceof EventMessage<?>;
    }

    private static final class Batch<C> {
        C changes;
        final Set<String> eventIds = new LinkedHashSet<>();

        Batch(C changes) {
            this.changes = changes;
        }
    }

    private Batch<C> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resource, key -> {
            Batch<C> batch = new Batch<>(fresh.get());
            unitOfWork.onPrepareCommit(u -> flush(batch));
            return batch;
        });
    }

    private void flush(Batch<C> batch) {
        if (batch.eventIds.isEmpty()) {
            return;
        }
        writeBatch(batch);
        batch.changes = fresh.get();
        batch.eventIds.clear();
    }

    private void writeBatch(Batch<C> batch) {
        try {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                batch.changes.write(connection);
                return null;
            });
        } catch (RuntimeException refused) {
            inFailedBatch.addAll(batch.eventIds);
            // Described without the rows: PostgreSQL quotes the one it refuses, reason and all.
            throw ProjectionFailure.of(refused);
        }
    }

    /** In a savepoint of its own: a row PostgreSQL refuses is undone, so its event can be parked alone. */
    private void writeAlone(C changes) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                changes.write(connection);
                connection.releaseSavepoint(savepoint);
                return null;
            } catch (RuntimeException | SQLException refused) {
                connection.rollback(savepoint);
                throw ProjectionFailure.undone(refused);
            }
        });
    }
}
