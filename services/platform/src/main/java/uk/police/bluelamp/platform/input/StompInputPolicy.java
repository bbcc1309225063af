package uk.police.bluelamp.platform.input;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import uk.police.bluelamp.platform.refusals.Refusals;

/**
 * The input policy for STOMP frame headers, first of every check on the inbound channel: a
 * header name or value that breaks the single-line policy (an escaped line break, a control
 * character, a direction override) refuses the whole frame before anything reads it. The
 * client is told with an ERROR frame, which ends its socket; nothing is thrown, so nothing
 * logs the frame. Payloads are read by the policed JSON converter (StompJsonPolicy).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StompInputPolicy implements ChannelInterceptor, WebSocketMessageBrokerConfigurer {

    private final MessageChannel toClients;
    private final Refusals refusals;

    StompInputPolicy(@Lazy @Qualifier("clientOutboundChannel") MessageChannel toClients, Refusals refusals) {
        this.toClients = toClients;
        this.refusals = refusals;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(this);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        for (Map.Entry<String, List<String>> header : stomp.toNativeHeaderMap().entrySet()) {
            String name = header.getKey();
            InputPolicy.Problem problem = InputPolicy.problemIn(name, false);
            for (String value : header.getValue()) {
                if (problem == null && value != null) {
                    problem = InputPolicy.problemIn(value, false);
                }
            }
            if (problem != null) {
                refuse(stomp, FieldNames.shown(name, "a header"), problem);
                return null;
            }
        }
        return message;
    }

    private void refuse(StompHeaderAccessor frame, String header, InputPolicy.Problem problem) {
        refusals.refused("STOMP frames", "refused by the input policy");
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage("The " + frame.getCommand() + " frame was refused: " + header + ": " + problem.message);
        error.setSessionId(frame.getSessionId());
        toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    }
}
