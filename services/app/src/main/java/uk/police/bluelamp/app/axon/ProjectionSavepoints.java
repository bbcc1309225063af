package uk.police.bluelamp.app.axon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/**
 * Event handlers of dead-lettered processing groups, run so that a failing one can be parked.
 * PostgreSQL aborts a whole transaction on a failed statement: the dead letter can be stored in
 * the batch's transaction only if the failed handler ran in a savepoint, rolled back to it.
 * A savepoint costs two round trips per call, so by default ({@link Mode#ON_FAILURE}) a handler
 * gets one only for an event that failed before on this node, and when a dead letter is retried.
 * The first failure rolls its whole batch back (its writes may stand otherwise), and the batch
 * comes round again with that event in a savepoint, where it fails again and is parked.
 * A handler that must not be replayed ({@link DisallowReplay}: it sends email, texts, call tasks)
 * always runs in one: rolling its batch back would send what the batch had sent again.
 * <p>
 * A failure leaves the handler described without the event's data ({@link ProjectionFailure}),
 * so no log line or dead letter repeats what PostgreSQL quoted.
 */
final class ProjectionSavepoints implements HandlerEnhancerDefinition {

    /** {@code NEVER} is for measuring only: a failing event then stops its segment, as before ADR 0016. */
    enum Mode {
        ON_FAILURE,
        ALWAYS,
        NEVER
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionSavepoints.class);
    private static final int REMEMBERED = 10_000;

    private final TransactionTemplate savepoint;
    private final Predicate<String> deadLettered;
    private final Mode mode;
    /**
     * Events that failed outside a savepoint on this node. Forgotten (a restart, another node),
     * the event fails once more outside one and is remembered again.
     */
    private final Set<String> failedBefore =
            Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    ProjectionSavepoints(PlatformTransactionManager transactions, Predicate<String> deadLettered, Mode mode) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.deadLettered = deadLettered;
        this.mode = mode;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !original.canHandleMessageType(EventMessage.class) || !deadLettered.test(group.value())) {
            return original;
        }
        boolean effectsBeyondTheDatabase = original.hasAnnotation(DisallowReplay.class)
                || original.declaringClass().isAnnotationPresent(DisallowReplay.class);
        return new Parkable<>(original, group.value(), effectsBeyondTheDatabase);
    }

    private boolean inSavepoint(Message<?> message, boolean effectsBeyondTheDatabase) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ON_FAILURE ->
                effectsBeyondTheDatabase
                        || failedBefore.contains(message.getIdentifier())
                        || CurrentUnitOfWork.isStarted()
                                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
        };
    }

    private final class Parkable<T> extends WrappedMessageHandlingMember<T> {

        private final String group;
        private final String handler;
        private final boolean effectsBeyondTheDatabase;

        private Parkable(MessageHandlingMember<T> delegate, String group, boolean effectsBeyondTheDatabase) {
            super(delegate);
            this.group = group;
            this.handler = delegate.declaringClass().getSimpleName();
            this.effectsBeyondTheDatabase = effectsBeyondTheDatabase;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!inSavepoint(message, effectsBeyondTheDatabase)) {
                try {
                    return super.handle(message, target);
                } catch (Exception failure) {
                    ProjectionFailure described = ProjectionFailure.of(failure);
                    if (described.undone()) {
                        // Undone in a savepoint of the projection's own (BatchedWrites): parked as it is.
                        parked(message, described);
                        throw described;
                    }
                    failedBefore.add(message.getIdentifier());
                    log.error(
                            "Projection {} ({}) failed on event {} ({}): {}. Its batch is rolled back and comes round "
                                    + "again with this event in a savepoint, so that it can be parked",
                            group,
                            handler,
                            message.getIdentifier(),
                            message.getPayloadType().getSimpleName(),
                            described.getMessage());
                    throw described;
                }
            }
            try {
                Object result = savepoint.execute(status -> {
                    try {
                        return super.handle(message, target);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                });
                failedBefore.remove(message.getIdentifier());
                return result;
            } catch (RuntimeException failure) {
                ProjectionFailure described =
                        ProjectionFailure.undone(failure instanceof Checked checked ? checked.getCause() : failure);
                failedBefore.remove(message.getIdentifier());
                parked(message, described);
                throw described;
            }
        }

        private void parked(Message<?> message, ProjectionFailure described) {
            log.error(
                    "Projection {} ({}) could not handle event {} ({}): {}. It waits with the rest of its "
                            + "sequence in the dead-letter queue, on the admin page Dead letters",
                    group,
                    handler,
                    message.getIdentifier(),
                    message.getPayloadType().getSimpleName(),
                    described.getMessage());
        }
    }

    /** Carries a checked exception out of the transaction callback, which rolls back on it. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
