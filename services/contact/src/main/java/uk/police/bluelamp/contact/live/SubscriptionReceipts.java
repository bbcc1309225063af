package uk.police.bluelamp.contact.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a SUBSCRIBE that asks for a receipt once the simple broker has registered it. That
 * broker only receipts DISCONNECT, so without this a client cannot know when a subscription is
 * live — and a push sent in between (a chat going ACTIVE, say) would pass it by unseen.
 *
 * <p>With several nodes the relay has only written the SUBSCRIBE to RabbitMQ when its handler
 * returns, and RabbitMQ sends its own receipt once the subscription's queue is bound. Answering
 * then as well would tell the client it is live while a push could still find no queue.
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

    private final MessageChannel toClients;
    private final boolean brokerReceipts;

    SubscriptionReceipts(
            @Lazy @Qualifier("clientOutboundChannel") MessageChannel toClients,
            @Value("${bluelamp.stomp.relay-host:}") String relayHost) {
        this.toClients = toClients;
        this.brokerReceipts = !relayHost.isBlank();
    }

    @Override
    public void afterMessageHandled(
            Message<?> message, MessageChannel channel, MessageHandler handler, Exception failure) {
        StompHeaderAccessor inbound = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (brokerReceipts
                || failure != null
                || inbound == null
                || inbound.getCommand() != StompCommand.SUBSCRIBE
                || inbound.getReceipt() == null
                || !registeredBy(handler, inbound.getDestination())) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(inbound.getReceipt());
        receipt.setSessionId(inbound.getSessionId());
        toClients.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    /** Each inbound handler runs as its own task; a /user/ subscription reaches the broker through the user one. */
    private static boolean registeredBy(MessageHandler handler, String destination) {
        boolean userDestination = destination != null && destination.startsWith("/user/");
        return userDestination
                ? handler instanceof UserDestinationMessageHandler
                : handler instanceof AbstractBrokerMessageHandler;
    }
}
