package uk.police.bluelamp.contact.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * This node's STOMP subscriptions, each with the right it was granted on, and the one way a
 * subscription is ended by the server: forgotten here, unsubscribed at the broker (the simple
 * broker and the RabbitMQ relay both take an UNSUBSCRIBE for a session and subscription id),
 * and, when the client did not already learn it from the frame itself, told so on the
 * subscription with a notice that carries nothing of the stream.
 */
@Component
class LiveSubscriptions {

    /** The whole notice: that the stream has ended for this subscriber, and nothing about why. */
    static final byte[] ACCESS_ENDED = "{\"type\":\"access-ended\"}".getBytes(StandardCharsets.UTF_8);
    /** Marks frames the server itself sends or injects, so its own checks let them through. */
    static final String OURS = "bluelamp.server";

    record Subscription(String socketId, String id, String destination, StreamRight right) {}

    private final Map<String, Map<String, Subscription>> bySocket = new ConcurrentHashMap<>();
    private final MessageChannel toClients;
    private final MessageChannel toBroker;

    LiveSubscriptions(
            @Lazy @Qualifier("clientOutboundChannel") MessageChannel toClients,
            @Lazy @Qualifier("clientInboundChannel") MessageChannel toBroker) {
        this.toClients = toClients;
        this.toBroker = toBroker;
    }

    void granted(Subscription subscription) {
        bySocket.computeIfAbsent(subscription.socketId(), s -> new ConcurrentHashMap<>())
                .put(subscription.id(), subscription);
    }

    Subscription find(String socketId, String subscriptionId) {
        Map<String, Subscription> subscriptions = socketId == null ? null : bySocket.get(socketId);
        return subscriptions == null || subscriptionId == null ? null : subscriptions.get(subscriptionId);
    }

    List<Subscription> toChat(String contactId) {
        String destination = Destinations.chat(contactId);
        return bySocket.values().stream()
                .flatMap(s -> s.values().stream())
                .filter(s -> s.destination().equals(destination))
                .toList();
    }

    void forget(String socketId, String subscriptionId) {
        Map<String, Subscription> subscriptions = socketId == null ? null : bySocket.get(socketId);
        if (subscriptions != null && subscriptionId != null) {
            subscriptions.remove(subscriptionId);
        }
    }

    void forgetSocket(String socketId) {
        if (socketId != null) {
            bySocket.remove(socketId);
        }
    }

    /** Ends a subscription whose last frame the client has just been sent. */
    void endQuietly(Subscription subscription) {
        if (remove(subscription)) {
            unsubscribeAtBroker(subscription);
        }
    }

    /** Ends a subscription and tells the client, out of band (the stream itself has nothing to carry it). */
    void endAndTell(Subscription subscription) {
        if (remove(subscription)) {
            toClients.send(notice(subscription.socketId(), subscription.id(), subscription.destination()));
            unsubscribeAtBroker(subscription);
        }
    }

    /**
     * Ends a subscription in place of a frame it may no longer receive: the notice goes out
     * instead of the frame, keeping its place in the stream (and the headers the ordered
     * delivery relies on).
     */
    Message<byte[]> endInstead(Subscription subscription, Message<?> frame) {
        if (!remove(subscription)) {
            return null;
        }
        unsubscribeAtBroker(subscription);
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(frame);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.removeNativeHeader(LivePush.LAST);
        headers.setHeader(OURS, true);
        return MessageBuilder.createMessage(ACCESS_ENDED.clone(), headers.getMessageHeaders());
    }

    /** Tells a client its subscription was refused, in the same words as one that has ended. */
    void refused(String socketId, String subscriptionId, String destination) {
        if (subscriptionId != null) {
            toClients.send(notice(socketId, subscriptionId, destination));
        }
    }

    private boolean remove(Subscription subscription) {
        Map<String, Subscription> subscriptions = bySocket.get(subscription.socketId());
        return subscriptions != null && subscriptions.remove(subscription.id(), subscription);
    }

    private void unsubscribeAtBroker(Subscription subscription) {
        StompHeaderAccessor unsubscribe = StompHeaderAccessor.create(StompCommand.UNSUBSCRIBE);
        unsubscribe.setSessionId(subscription.socketId());
        unsubscribe.setSubscriptionId(subscription.id());
        unsubscribe.setHeader(OURS, true);
        toBroker.send(MessageBuilder.createMessage(new byte[0], unsubscribe.getMessageHeaders()));
    }

    private static Message<byte[]> notice(String socketId, String subscriptionId, String destination) {
        StompHeaderAccessor message = StompHeaderAccessor.create(StompCommand.MESSAGE);
        message.setSessionId(socketId);
        message.setSubscriptionId(subscriptionId);
        message.setDestination(destination);
        message.setContentType(MimeTypeUtils.APPLICATION_JSON);
        message.setHeader(OURS, true);
        return MessageBuilder.createMessage(ACCESS_ENDED.clone(), message.getMessageHeaders());
    }
}
