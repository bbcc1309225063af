package uk.police.bluelamp.app.live;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.ReconnectAfterLostPushes;

/**
 * Has every node's relay listen, on its own link to RabbitMQ, for a node saying its link was
 * down, beside the pushes to users it already listens for (ADR 0022, 0057). The relay subscribes
 * its listeners each time that link connects.
 */
class ReconnectBroadcastListener implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
        if (bean instanceof StompBrokerRelayMessageHandler relay) {
            Map<String, MessageHandler> listeners = new HashMap<>();
            if (relay.getSystemSubscriptions() != null) {
                listeners.putAll(relay.getSystemSubscriptions());
            }
            // Looked up when a message comes: the reconnecting bean needs the broker's template,
            // which is still being built while the relay is.
            listeners.put(
                    Destinations.RECONNECT_BROADCAST,
                    message -> beans.getBean(ReconnectAfterLostPushes.class).handleMessage(message));
            relay.setSystemSubscriptions(listeners);
        }
        return bean;
    }
}
