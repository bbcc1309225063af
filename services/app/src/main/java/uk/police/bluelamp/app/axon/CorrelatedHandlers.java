package uk.police.bluelamp.app.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.platform.correlation.Correlation;

/**
 * While an event is handled, by any processor, its correlation id is in the MDC: the lines a
 * projection logs carry the id of the request that caused the event, and the commands a
 * handler sends (citizen updates, say) keep the conversation's id. The subscribing processor
 * runs in the thread that stored the event, so the id it had before comes back afterwards.
 */
@Configuration(proxyBeanMethods = false)
class CorrelatedHandlers implements MessageHandlerInterceptor<EventMessage<?>> {

    @Autowired
    void everyProcessor(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> this);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object id = unitOfWork.getMessage().getMetaData().get(MetadataKeys.CORRELATION_ID);
        if (id == null) {
            return chain.proceed();
        }
        try (Correlation.Scope scope = Correlation.open(id.toString())) {
            return chain.proceed();
        }
    }
}
