package uk.police.bluelamp.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/**
 * For the one group without a dead-letter queue, the subscribing {@code live} pushes: they run in
 * the thread that stored the event, so a failure thrown here would fail the citizen's or handler's
 * command. A push is news of a state that consoles and citizens read again when they reconnect;
 * one that fails is logged, not kept to be sent late and out of order (docs/adr/0016).
 */
class LoggedNotThrown implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LoggedNotThrown.class);

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) {
        log.error(
                "{} failed on event {} ({}): {}; the command stands and nothing is retried",
                handler.getTargetType().getSimpleName(),
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                ProjectionFailure.of(exception).getMessage());
    }
}
