package uk.police.bluelamp.app.security;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * Sees the server refuse a STOMP frame. The app drops a refused SUBSCRIBE or SEND (frames are
 * handled in order, off the socket's thread) and answers with a notice or an ERROR frame that
 * does not name the frame; placed first on the inbound channel, this hears the refusal itself:
 * the frame was not sent on.
 */
final class StompRefusals implements ChannelInterceptor {

    private final Map<String, CompletableFuture<Void>> byReceipt = new ConcurrentHashMap<>();

    CompletableFuture<Void> of(String receiptId) {
        return byReceipt.computeIfAbsent(receiptId, id -> new CompletableFuture<>());
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception refusal) {
        String receipt = StompHeaderAccessor.wrap(message).getReceipt();
        if ((!sent || refusal != null) && receipt != null) {
            of(receipt).complete(null);
        }
    }
}
