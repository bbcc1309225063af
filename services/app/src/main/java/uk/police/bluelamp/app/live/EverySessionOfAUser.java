package uk.police.bluelamp.app.live;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;

/**
 * Makes a push to a user reach every session they have open, not only the first.
 * <p>
 * With {@code setPreserveReceiveOrder(true)} Spring's user-destination handler sends each
 * session's copy through an ordering decorator that needs a mutable message; it hands every
 * session the same message, which the first send leaves immutable, so a second console got
 * nothing and the log said {@code Expected mutable SimpMessageHeaderAccessor}. The handler is
 * rebuilt here over a view of the inbound channel that does not advertise ordering, so it sends
 * plainly: each session still gets the user's messages in the order they were published, since
 * the broker channel is synchronous (one publishing thread's pushes arrive in order), and the
 * outbound channel keeps each session's order on its own (setPreservePublishOrder).
 */
class EverySessionOfAUser implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
        if (!(bean instanceof UserDestinationMessageHandler ordered) || bean instanceof Plain) {
            return bean;
        }
        Plain plain = new Plain(
                new WithoutOrdering(beans.getBean("clientInboundChannel", SubscribableChannel.class)),
                beans.getBean("brokerChannel", SubscribableChannel.class),
                ordered);
        plain.setBroadcastDestination(ordered.getBroadcastDestination());
        plain.setHeaderInitializer(ordered.getHeaderInitializer());
        plain.setPhase(ordered.getPhase());
        return plain;
    }

    private static final class Plain extends UserDestinationMessageHandler {
        Plain(SubscribableChannel inbound, SubscribableChannel broker, UserDestinationMessageHandler replaced) {
            super(inbound, broker, replaced.getUserDestinationResolver());
        }
    }

    /** The inbound channel itself, minus the type that tells the handler to order its sends. */
    private record WithoutOrdering(SubscribableChannel channel) implements SubscribableChannel {

        @Override
        public boolean subscribe(MessageHandler handler) {
            return channel.subscribe(handler);
        }

        @Override
        public boolean unsubscribe(MessageHandler handler) {
            return channel.unsubscribe(handler);
        }

        @Override
        public boolean send(Message<?> message, long timeout) {
            return channel.send(message, timeout);
        }
    }
}
