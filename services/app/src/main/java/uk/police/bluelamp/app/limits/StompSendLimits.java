package uk.police.bluelamp.app.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LivePush;

/**
 * A chat message sent over STOMP counts against the same "chat" limits as one sent over HTTP,
 * so the socket is no way around them. Over the limit the frame is dropped and the chat is
 * told, as for any message that was not stored (ChatMessaging): an error naming the sender's
 * clientMessageId. Inbound frames are handled off the socket's thread (receive order is
 * preserved), so an exception here would reach no one.
 */
@Component
class StompSendLimits implements ChannelInterceptor, WebSocketMessageBrokerConfigurer {

    /** Session attribute holding the client address taken at the handshake. */
    static final String CLIENT_ADDRESS = "bluelamp.clientAddress";

    private static final Pattern CHAT_SEND = Pattern.compile("/app/chat\\.([^./]{1,200})\\.send");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RateLimits limits;
    private final LivePush push;

    StompSendLimits(RateLimits limits, @Lazy LivePush push) {
        this.limits = limits;
        this.push = push;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(this);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
        if (stomp.getCommand() != StompCommand.SEND || stomp.getDestination() == null) {
            return message;
        }
        Matcher chat = CHAT_SEND.matcher(stomp.getDestination());
        if (!chat.matches()) {
            return message;
        }
        Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
        Object client = attributes == null ? null : attributes.get(CLIENT_ADDRESS);
        String clientKey = client != null ? client.toString() : "stomp-session:" + stomp.getSessionId();
        Optional<Duration> wait =
                limits.take(new PublicEndpoint("chat", chat.group(1).toUpperCase(Locale.ROOT)), clientKey);
        if (wait.isPresent()) {
            push.toTopic(
                    Destinations.chat(chat.group(1)),
                    Map.of(
                            "type",
                            "error",
                            "clientMessageId",
                            clientMessageId(message.getPayload()),
                            "message",
                            "Too many messages. Try again in "
                                    + RateLimitFilter.inWords(
                                            Math.max(1, (wait.get().toMillis() + 999) / 1000)) + "."));
            return null;
        }
        return message;
    }

    private static String clientMessageId(Object payload) {
        try {
            JsonNode body = payload instanceof byte[] bytes ? JSON.readTree(bytes) : null;
            return body == null ? "" : body.path("clientMessageId").asText("");
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
