package uk.police.bluelamp.contact.live;

import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.live.LiveSubscriptions.Subscription;

/**
 * Checks every frame going out to a subscriber, not only the subscription that asked for it: a
 * right lost since (a chat transferred or closed, a sign-in ended or changed) stops the stream
 * at the next frame, whichever node stored the change. A frame the subscriber may no longer
 * have becomes the access-ended notice and the subscription ends; a socket whose sign-in has
 * gone is closed. The chat's last frame is delivered and then ends its subscriptions.
 */
@Component
class StreamGuard implements ChannelInterceptor {

    private final StompAuthorization rights;
    private final LiveSubscriptions subscriptions;
    private final LiveSockets sockets;

    StreamGuard(StompAuthorization rights, LiveSubscriptions subscriptions, LiveSockets sockets) {
        this.rights = rights;
        this.subscriptions = subscriptions;
        this.sockets = sockets;
    }

    @Override
    public Message<?> preSend(Message<?> frame, MessageChannel channel) {
        MessageHeaders headers = frame.getHeaders();
        if (SimpMessageHeaderAccessor.getMessageType(headers) != SimpMessageType.MESSAGE
                || headers.containsKey(LiveSubscriptions.OURS)) {
            return frame;
        }
        Subscription subscription = subscriptions.find(
                SimpMessageHeaderAccessor.getSessionId(headers), SimpMessageHeaderAccessor.getSubscriptionId(headers));
        if (subscription == null) {
            return null; // ended here already, or never granted: nothing more goes out on it
        }
        return switch (rights.stillHeld(subscription)) {
            case YES -> {
                if (isLast(frame)) {
                    subscriptions.endQuietly(subscription);
                }
                yield frame;
            }
            case NO -> subscriptions.endInstead(subscription, frame);
            case SIGNED_OUT -> {
                signedOut(subscription.socketId());
                yield null;
            }
        };
    }

    /** Ends, on this node, the handlers' subscriptions to a chat whose holder has just changed. */
    void recheckChat(String contactId) {
        for (Subscription subscription : subscriptions.toChat(contactId)) {
            if (subscription.right() instanceof StreamRight.HandlerOfChat) {
                switch (rights.stillHeld(subscription)) {
                    case NO -> subscriptions.endAndTell(subscription);
                    case SIGNED_OUT -> signedOut(subscription.socketId());
                    case YES -> {
                        // still theirs
                    }
                }
            }
        }
    }

    private void signedOut(String socketId) {
        subscriptions.forgetSocket(socketId);
        sockets.close(socketId, LiveSockets.SIGNED_OUT);
    }

    private static boolean isLast(Message<?> frame) {
        return frame.getHeaders().get(NativeMessageHeaderAccessor.NATIVE_HEADERS) instanceof Map<?, ?> nativeHeaders
                && nativeHeaders.containsKey(LivePush.LAST);
    }
}
