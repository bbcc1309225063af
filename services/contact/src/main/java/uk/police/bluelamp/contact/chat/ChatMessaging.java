package uk.police.bluelamp.contact.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LivePush;
import uk.police.bluelamp.messages.contact.ChatAuthor;

/**
 * Chat messages sent over STOMP. Who may send to which chat was checked when the frame came
 * in (StompAuthorization); here a signed-in handler writes as themselves, anyone else as the
 * citizen holding the chat's token.
 */
@Controller
class ChatMessaging {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatService chats;
    private final LivePush push;

    ChatMessaging(ChatService chats, LivePush push) {
        this.chats = chats;
        this.push = push;
    }

    record Send(String clientMessageId, String text) {
    }

    @MessageMapping("chat.{contactId}.send")
    void send(@DestinationVariable String contactId, @Payload Send message, Principal principal) {
        if (principal != null) {
            chats.post(contactId, ChatAuthor.HANDLER, principal.getName(), message.clientMessageId(), message.text());
        } else {
            chats.post(contactId, ChatAuthor.CITIZEN, chats.citizenName(contactId), message.clientMessageId(),
                    message.text());
        }
    }

    /**
     * The sender learns their message was not stored, with the id they gave it. The frame is
     * read again leniently: a body that could not be read the first time must not fail here too,
     * or Spring logs the failure with a stack trace for every such frame a client sends.
     */
    @MessageExceptionHandler
    void failed(RuntimeException failure, @Header("simpDestination") String destination, Message<?> frame) {
        String contactId = destination.substring(destination.lastIndexOf("chat.") + 5, destination.lastIndexOf(".send"));
        String reason = failure instanceof MessageConversionException ? "The message could not be read"
                : failure.getMessage() == null ? "The message was not sent" : failure.getMessage();
        push.toTopic(Destinations.chat(contactId), Map.of("type", "error",
                "clientMessageId", clientMessageId(frame.getPayload()), "message", reason));
    }

    private static String clientMessageId(Object payload) {
        try {
            return payload instanceof byte[] bytes ? JSON.readTree(bytes).path("clientMessageId").asText("") : "";
        } catch (java.io.IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
