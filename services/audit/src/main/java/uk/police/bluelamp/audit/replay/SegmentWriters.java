package uk.police.bluelamp.audit.replay;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Copies of the projection writing in parallel, each on its own connection, each taking the
 * events of a share of the aggregates: the segments a pooled processor uses, so each
 * aggregate's events still arrive in order and the database's inserts use every core.
 */
final class SegmentWriters implements AutoCloseable {

    private record Writer(Connection connection, AnnotationEventHandlerAdapter projection) {
    }

    private final List<Writer> writers = new ArrayList<>();
    private final ExecutorService threads;

    SegmentWriters(ReadModels.ReadModel readModel, List<Connection> connections) {
        for (Connection connection : connections) {
            writers.add(new Writer(connection, new AnnotationEventHandlerAdapter(
                    readModel.newProjection(new SingleConnectionDataSource(connection, true)))));
        }
        threads = Executors.newFixedThreadPool(connections.size(), r -> new Thread(r, "read-model-rebuild-writer"));
    }

    /** Applies one window of events and commits it in every segment, or fails as a whole. */
    void apply(List<EventMessage<?>> messages) throws Exception {
        List<List<EventMessage<?>>> shares = new ArrayList<>();
        writers.forEach(w -> shares.add(new ArrayList<>()));
        for (EventMessage<?> message : messages) {
            Object sequence = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                    : message.getIdentifier();
            shares.get(Math.floorMod(Objects.hashCode(sequence), writers.size())).add(message);
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

    private static void apply(Writer writer, List<EventMessage<?>> messages) throws Exception {
        if (messages.isEmpty()) {
            return;
        }
        // A batch unit of work, as a pooled processor gives its projections, so projections
        // that gather writes for the whole batch behave the same live and in a rebuild.
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.executeWithResult(() -> writer.projection().handle(unitOfWork.getMessage()));
        if (unitOfWork.isRolledBack() || unitOfWork.getExecutionResult() != null
                && unitOfWork.getExecutionResult().isExceptionResult()) {
            writer.connection().rollback();
            throw new IllegalStateException("The projection failed on an event",
                    unitOfWork.getExecutionResult().getExceptionResult());
        }
        writer.connection().commit();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
