package uk.police.bluelamp.contact.chat;

import java.security.Principal;
import java.util.Map;
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

    /** The sender learns their message was not stored, with the id they gave it. */
    @MessageExceptionHandler
    void failed(RuntimeException failure, @Header("simpDestination") String destination,
                @Payload(required = false) Send message) {
        String contactId = destination.substring(destination.lastIndexOf("chat.") + 5, destination.lastIndexOf(".send"));
        push.toTopic(Destinations.chat(contactId), Map.of("type", "error",
                "clientMessageId", message == null || message.clientMessageId() == null ? "" : message.clientMessageId(),
                "message", failure.getMessage() == null ? "The message was not sent" : failure.getMessage()));
    }
}
