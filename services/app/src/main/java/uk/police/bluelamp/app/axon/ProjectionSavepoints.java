package uk.police.bluelamp.app.axon;

import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.audit.deadletters.ProjectionFailure;

/**
 * Every event handler of a dead-lettered processing group runs in a savepoint of the batch's
 * transaction. PostgreSQL aborts a whole transaction on a failed statement; rolled back to the
 * savepoint, the batch's transaction is usable again, so the dead letter can be stored in it and
 * the rest of the batch goes on. The failure leaves the handler described without the event's
 * data ({@link ProjectionFailure}), so no log line or dead letter repeats what PostgreSQL quoted.
 */
final class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(ProjectionSavepoints.class);

    private final TransactionTemplate savepoint;
    private final Predicate<String> deadLettered;

    ProjectionSavepoints(PlatformTransactionManager transactions, Predicate<String> deadLettered) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.deadLettered = deadLettered;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !original.canHandleMessageType(EventMessage.class) || !deadLettered.test(group.value())) {
            return original;
        }
        return new InSavepoint<>(original, group.value());
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private final String group;
        private final String handler;

        private InSavepoint(MessageHandlingMember<T> delegate, String group) {
            super(delegate);
            this.group = group;
            this.handler = delegate.declaringClass().getSimpleName();
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            try {
                return savepoint.execute(status -> {
                    try {
                        return super.handle(message, target);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                });
            } catch (RuntimeException failure) {
                Throwable cause = failure instanceof Checked checked ? checked.getCause() : failure;
                ProjectionFailure described = ProjectionFailure.of(cause);
                log.error("Projection {} ({}) could not handle event {} ({}): {}. It waits with the rest of its "
                                + "sequence in the dead-letter queue, on the admin page Dead letters", group, handler,
                        message.getIdentifier(), message.getPayloadType().getSimpleName(), described.getMessage());
                throw described;
            }
        }
    }

    /** Carries a checked exception out of the transaction callback, which rolls back on it. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
