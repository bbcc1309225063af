package uk.police.bluelamp.contact.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LivePush;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.text.MultiLine;

/**
 * Chat messages sent over STOMP. Who may send to which chat was checked when the frame came
 * in (StompAuthorization); here a signed-in handler writes as themselves, anyone else as the
 * citizen holding the chat's token.
 */
@Controller
class ChatMessaging {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How the input policy's converter begins a refusal it words for the sender (the app's StompJsonPolicy). */
    private static final String NOT_SENT = "The message was not sent.";

    private final ChatService chats;
    private final LivePush push;

    ChatMessaging(ChatService chats, LivePush push) {
        this.chats = chats;
        this.push = push;
    }

    record Send(String clientMessageId, @MultiLine String text) {}

    @MessageMapping("chat.{contactId}.send")
    void send(@DestinationVariable String contactId, @Payload Send message, Principal principal) {
        if (principal != null) {
            chats.post(contactId, ChatAuthor.HANDLER, principal.getName(), message.clientMessageId(), message.text());
        } else {
            chats.post(
                    contactId,
                    ChatAuthor.CITIZEN,
                    chats.citizenName(contactId),
                    message.clientMessageId(),
                    message.text());
        }
    }

    /**
     * The other side sees that someone is writing. Nothing is stored: a notice lost (a node going
     * away, a socket dropping) is harmless, the next keystroke sends another.
     */
    @MessageMapping("chat.{contactId}.typing")
    void typing(@DestinationVariable String contactId, Principal principal) {
        push.toTopic(
                Destinations.chat(contactId),
                Map.of(
                        "type",
                        "typing",
                        "author",
                        (principal != null ? ChatAuthor.HANDLER : ChatAuthor.CITIZEN).name()));
    }

    /**
     * The sender learns their message was not stored, with the id they gave it. The frame is
     * read again leniently: a body that could not be read the first time (the input policy
     * refused it, or it is not JSON) must not fail here too, or Spring logs the failure with a
     * stack trace for every such frame a client sends. The input policy's refusal names the field;
     * any other unreadable body gets words of ours, never the parser's.
     */
    @MessageExceptionHandler
    void failed(RuntimeException failure, @Header("simpDestination") String destination, Message<?> frame) {
        if (!destination.endsWith(".send")) {
            return; // a typing notice that failed: nothing was promised, nothing to report
        }
        String contactId =
                destination.substring(destination.lastIndexOf("chat.") + 5, destination.lastIndexOf(".send"));
        String reason = failure instanceof MessageConversionException unreadable
                ? (ours(unreadable.getMessage()) ? unreadable.getMessage() : "The message could not be read")
                : failure.getMessage() == null ? "The message was not sent" : failure.getMessage();
        push.toTopic(
                Destinations.chat(contactId),
                Map.of("type", "error", "clientMessageId", clientMessageId(frame.getPayload()), "message", reason));
    }

    private static boolean ours(String message) {
        return message != null && message.startsWith(NOT_SENT);
    }

    /** The id the sender gave, if it is one (an id that is not is not repeated back to the chat). */
    private static String clientMessageId(Object payload) {
        try {
            String id = payload instanceof byte[] bytes
                    ? JSON.readTree(bytes).path("clientMessageId").asText("")
                    : "";
            return ChatService.CLIENT_MESSAGE_ID.matcher(id).matches() ? id : "";
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
