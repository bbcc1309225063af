package uk.police.bluelamp.app.live;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
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
class ReconnectBroadcastListener implements BeanPostProcessor {

    /** Asked when a message comes: the bean needs the broker's template, built while the relay is. */
    private final ObjectProvider<ReconnectAfterLostPushes> reconnect;

    ReconnectBroadcastListener(ObjectProvider<ReconnectAfterLostPushes> reconnect) {
        this.reconnect = reconnect;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
        if (bean instanceof StompBrokerRelayMessageHandler relay) {
            Map<String, MessageHandler> listeners = new HashMap<>();
            if (relay.getSystemSubscriptions() != null) {
                listeners.putAll(relay.getSystemSubscriptions());
            }
            listeners.put(
                    Destinations.RECONNECT_BROADCAST,
                    message -> reconnect.getObject().handleMessage(message));
            relay.setSystemSubscriptions(listeners);
        }
        return bean;
    }
}
