package uk.police.bluelamp.audit.replay;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/**
 * Copies of the projection writing in parallel, each on its own connection, each taking the
 * events of a share of the aggregates: the segments a pooled processor uses, so each
 * aggregate's events still arrive in order and the database's inserts use every core.
 * <p>
 * An event the projection cannot handle parks its sequence, as the live processor's dead-letter
 * queue does (docs/adr/0016): it and every later event of that contact or case are kept aside,
 * with why, and the rest of the read model is built.
 */
final class SegmentWriters implements AutoCloseable {

    private record Writer(
            Connection connection,
            AnnotationEventHandlerAdapter projection,
            Map<String, List<EventMessage<?>>> parked,
            Map<String, ProjectionFailure> causes) {}

    private final List<Writer> writers = new ArrayList<>();
    private final ExecutorService threads;

    SegmentWriters(ReadModels.Rebuildable readModel, List<Connection> connections) {
        for (Connection connection : connections) {
            writers.add(new Writer(
                    connection,
                    new AnnotationEventHandlerAdapter(
                            readModel.newProjection(new SingleConnectionDataSource(connection, true))),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>()));
        }
        threads = Executors.newFixedThreadPool(connections.size(), r -> new Thread(r, "read-model-rebuild-writer"));
    }

    /** Applies one window of events and commits it in every segment, or fails as a whole. */
    void apply(List<EventMessage<?>> messages) throws Exception {
        List<List<EventMessage<?>>> shares = new ArrayList<>();
        writers.forEach(w -> shares.add(new ArrayList<>()));
        for (EventMessage<?> message : messages) {
            shares.get(Math.floorMod(Objects.hashCode(sequence(message)), writers.size()))
                    .add(message);
        }
        List<Future<?>> written = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            Writer writer = writers.get(i);
            List<EventMessage<?>> share = shares.get(i);
            written.add(threads.submit(() -> {
                apply(writer, share);
                return null;
            }));
        }
        for (Future<?> done : written) {
            done.get();
        }
    }

    /** Each parked sequence's events in order, by sequence, once every window is applied. */
    Map<String, List<EventMessage<?>>> parked() {
        Map<String, List<EventMessage<?>>> all = new LinkedHashMap<>();
        writers.forEach(writer -> all.putAll(writer.parked()));
        return all;
    }

    /** Why each parked sequence stopped: the failure of its first event. */
    Map<String, ProjectionFailure> causes() {
        Map<String, ProjectionFailure> all = new LinkedHashMap<>();
        writers.forEach(writer -> all.putAll(writer.causes()));
        return all;
    }

    /** The live processor's sequencing: the aggregate, or the event itself when it has none. */
    static String sequence(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier()
                : message.getIdentifier();
    }

    /**
     * The whole share in one go, as a pooled processor's batch; only if that fails, again one
     * event at a time, each in a savepoint, so the one that fails parks its sequence alone.
     */
    private static void apply(Writer writer, List<EventMessage<?>> messages) throws Exception {
        List<EventMessage<?>> runnable = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            List<EventMessage<?>> behind = writer.parked().get(sequence(message));
            if (behind != null) {
                behind.add(message);
            } else {
                runnable.add(message);
            }
        }
        if (runnable.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(runnable);
        if (!batch.executeWithResult(() -> writer.projection().handle(batch.getMessage()))
                .isExceptional()) {
            writer.connection().commit();
            return;
        }
        writer.connection().rollback();
        BatchingUnitOfWork<EventMessage<?>> oneByOne = new BatchingUnitOfWork<>(runnable);
        ResultMessage<?> result = oneByOne.executeWithResult(() -> {
            applyOrPark(writer, oneByOne.getMessage());
            return null;
        });
        if (result.isExceptional()) {
            // Not one event's: the batch as a whole (a projection's write at commit) fails.
            writer.connection().rollback();
            throw ProjectionFailure.of(result.exceptionResult());
        }
        writer.connection().commit();
    }

    private static void applyOrPark(Writer writer, EventMessage<?> message) throws Exception {
        String sequence = sequence(message);
        List<EventMessage<?>> behind = writer.parked().get(sequence);
        if (behind != null) {
            behind.add(message);
            return;
        }
        Savepoint savepoint = writer.connection().setSavepoint();
        try {
            writer.projection().handle(message);
            writer.connection().releaseSavepoint(savepoint);
        } catch (Exception failure) {
            writer.connection().rollback(savepoint);
            writer.causes().put(sequence, ProjectionFailure.of(failure));
            writer.parked().put(sequence, new ArrayList<>(List.of(message)));
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
