package uk.police.bluelamp.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's default logs a failing event and moves on, leaving a read model that silently lacks
 * it. We log at ERROR and rethrow: the processor then rolls the batch back, keeps its token
 * before the event and retries with back-off, so the read model is late but never wrong.
 */
class LoudFailure implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LoudFailure.class);

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        log.error("Projection {} failed on event {} ({}); its segment stops here and retries until it succeeds",
                handler.getTargetType().getSimpleName(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                exception);
        throw exception;
    }
}
