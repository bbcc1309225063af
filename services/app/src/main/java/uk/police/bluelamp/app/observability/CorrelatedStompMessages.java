package uk.police.bluelamp.app.observability;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import uk.police.bluelamp.platform.correlation.Correlation;

/**
 * Each STOMP frame from a client is a unit of work of its own, with its message id as its
 * correlation id: in the MDC while the inbound channel's interceptors check it (in the socket's
 * thread) and while it is handled (in the channel's executor), and so in the metadata of any
 * command a chat message sends. First of the interceptors, so their lines carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelatedStompMessages implements ExecutorChannelInterceptor, WebSocketMessageBrokerConfigurer {

    private static final ThreadLocal<Correlation.Scope> SENDING = new ThreadLocal<>();
    private static final ThreadLocal<Correlation.Scope> HANDLING = new ThreadLocal<>();

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(this);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SENDING.set(Correlation.open(idOf(message)));
        return message;
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
        close(SENDING);
    }

    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        HANDLING.set(Correlation.open(idOf(message)));
        return message;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        close(HANDLING);
    }

    private static String idOf(Message<?> message) {
        return String.valueOf(message.getHeaders().getId());
    }

    private static void close(ThreadLocal<Correlation.Scope> scope) {
        Correlation.Scope open = scope.get();
        scope.remove();
        if (open != null) {
            open.close();
        }
    }
}
