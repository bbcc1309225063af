package uk.police.bluelamp.contact.live;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.chat.ChatAccess;

/**
 * Every STOMP frame is checked before it reaches a broker or handler: staff topics need a
 * staff role, a chat needs its citizen's token or the one handler working it, and a staff
 * CONNECT must echo the CSRF token so that another site cannot open a socket as them.
 */
@Component
public class StompAuthorization implements ChannelInterceptor {

    public static final String CSRF_SESSION_ATTRIBUTE = "bluelamp.csrf";
    static final String CHAT_TOKEN = "chat-token";
    private static final Set<String> STAFF = Set.of("ROLE_HANDLER", "ROLE_SUPERVISOR");

    private final ChatAccess chats;

    StompAuthorization(ChatAccess chats) {
        this.chats = chats;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT) {
            checkCsrf(stomp);
        } else if (command == StompCommand.SUBSCRIBE || command == StompCommand.SEND) {
            if (!allowed(stomp.getDestination(), stomp.getUser(), stomp.getFirstNativeHeader(CHAT_TOKEN), command)) {
                throw new MessageDeliveryException("Not allowed: " + stomp.getDestination());
            }
        }
        return message;
    }

    boolean allowed(String destination, Principal user, String chatToken, StompCommand command) {
        if (destination == null) {
            return false;
        }
        if (command == StompCommand.SUBSCRIBE && destination.equals(Destinations.QUEUES)) {
            return hasAny(user, STAFF);
        }
        if (command == StompCommand.SUBSCRIBE && destination.equals(Destinations.SUPERVISOR)) {
            return hasAny(user, Set.of("ROLE_SUPERVISOR"));
        }
        if (command == StompCommand.SUBSCRIBE && destination.startsWith("/user/queue/")) {
            return hasAny(user, STAFF);
        }
        String chatId = chatId(destination, command);
        if (chatId == null) {
            return false;
        }
        if (hasAny(user, STAFF)) {
            return chats.handlerMayUse(chatId, user.getName());
        }
        return chats.citizenMayUse(chatId, chatToken);
    }

    /** The chat a frame is about, or null when the destination is not a chat's. */
    static String chatId(String destination, StompCommand command) {
        if (command == StompCommand.SUBSCRIBE && destination.startsWith(Destinations.CHAT_PREFIX)) {
            return validId(destination.substring(Destinations.CHAT_PREFIX.length()));
        }
        if (command == StompCommand.SEND && destination.startsWith("/app/chat.") && destination.endsWith(".send")) {
            return validId(destination.substring("/app/chat.".length(), destination.length() - ".send".length()));
        }
        return null;
    }

    private static String validId(String id) {
        return id.matches("[A-Za-z0-9-]{1,64}") ? id : null;
    }

    private static boolean hasAny(Principal user, Set<String> roles) {
        return user instanceof Authentication auth && auth.isAuthenticated()
                && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(roles::contains);
    }

    private static void checkCsrf(StompHeaderAccessor stomp) {
        if (!(stomp.getUser() instanceof Authentication)) {
            return; // a citizen's socket carries no staff authority to forge
        }
        Map<String, Object> session = stomp.getSessionAttributes();
        Object expected = session == null ? null : session.get(CSRF_SESSION_ATTRIBUTE);
        String given = stomp.getFirstNativeHeader("X-XSRF-TOKEN");
        if (expected == null || given == null || !java.security.MessageDigest.isEqual(
                expected.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new MessageDeliveryException("CONNECT needs the X-XSRF-TOKEN header");
        }
    }
}
