package uk.police.bluelamp.contact.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.live.LiveSubscriptions.Subscription;
import uk.police.bluelamp.platform.refusals.Refusals;

/**
 * Every STOMP frame is checked before it reaches a broker or handler: staff topics need a
 * staff role, a chat needs its citizen's token or the one handler working it, and a staff
 * CONNECT must echo the CSRF token so that another site cannot open a socket as them. A staff
 * socket's rights are those of the sign-in it was opened from, as that sign-in is now.
 *
 * <p>A refusal is never an exception: Spring would log the whole frame, chat token and all.
 * The frame is dropped, counted for the log's per-minute summary, and the client told in words
 * of ours: a refused subscription gets the same content-free notice as one whose right has
 * ended (its socket keeps its other subscriptions); a refused CONNECT or SEND gets an ERROR
 * frame, after which STOMP closes the socket.
 */
@Component
public class StompAuthorization implements ChannelInterceptor {

    public static final String CSRF_SESSION_ATTRIBUTE = "bluelamp.csrf";
    static final String CHAT_TOKEN = "chat-token";
    static final String REFUSED = "STOMP frames";

    enum Held {
        YES,
        NO,
        SIGNED_OUT
    }

    private final ChatRights chats;
    private final LiveSockets sockets;
    private final LiveSubscriptions subscriptions;
    private final Refusals refusals;
    private final CitizenPresence presence;
    private final MessageChannel toClients;

    StompAuthorization(
            ChatRights chats,
            LiveSockets sockets,
            LiveSubscriptions subscriptions,
            Refusals refusals,
            CitizenPresence presence,
            @Lazy @Qualifier("clientOutboundChannel") MessageChannel toClients) {
        this.chats = chats;
        this.sockets = sockets;
        this.subscriptions = subscriptions;
        this.refusals = refusals;
        this.presence = presence;
        this.toClients = toClients;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null || message.getHeaders().containsKey(LiveSubscriptions.OURS)) {
            return message;
        }
        String socket = stomp.getSessionId();
        switch (stomp.getCommand()) {
            case CONNECT, STOMP -> {
                if (signedOut(socket)) {
                    return refuse(stomp, "from a signed-out socket");
                }
                if (!csrfEchoed(stomp)) {
                    return refuse(stomp, "bad CSRF");
                }
            }
            case SUBSCRIBE -> {
                if (signedOut(socket)) {
                    return endSignedOut(socket);
                }
                StreamRight right =
                        grant(stomp.getDestination(), signedIn(socket), stomp.getFirstNativeHeader(CHAT_TOKEN));
                if (right == null) {
                    refusals.refused(REFUSED, "not allowed");
                    subscriptions.refused(socket, stomp.getSubscriptionId(), stomp.getDestination());
                    return null;
                }
                subscriptions.granted(
                        new Subscription(socket, stomp.getSubscriptionId(), stomp.getDestination(), right));
                if (right instanceof StreamRight.CitizenOfChat citizen) {
                    presence.arrived(socket, citizen.contactId());
                    // A socket can close while its SUBSCRIBE waits its turn: then its close has
                    // already been recorded, and this arrival would outlive it.
                    if (!sockets.isOpen(socket)) {
                        presence.left(socket);
                    }
                }
            }
            case SEND -> {
                if (signedOut(socket)) {
                    return endSignedOut(socket);
                }
                if (!maySend(stomp.getDestination(), signedIn(socket), stomp.getFirstNativeHeader(CHAT_TOKEN))) {
                    return refuse(stomp, "not allowed");
                }
            }
            case UNSUBSCRIBE -> subscriptions.forget(socket, stomp.getSubscriptionId());
            case DISCONNECT -> subscriptions.forgetSocket(socket);
            default -> {
                // nothing else reaches the server from a client
            }
        }
        return message;
    }

    /** Whether a subscription's right still holds, asked again for every frame it is sent. */
    Held stillHeld(Subscription subscription) {
        if (subscription.right() instanceof StreamRight.CitizenOfChat) {
            return Held.YES;
        }
        Authentication user = signedIn(subscription.socketId());
        if (user == null) {
            return Held.SIGNED_OUT;
        }
        boolean held = subscription.right() instanceof StreamRight.StaffRole staff
                ? hasAny(user, staff.roles())
                : subscription.right() instanceof StreamRight.HandlerOfChat chat
                        && hasAny(user, StreamRight.STAFF)
                        && chats.handlerMayUse(chat.contactId(), user.getName());
        return held ? Held.YES : Held.NO;
    }

    /** The right a subscription is granted on, or null when it is refused. */
    StreamRight grant(String destination, Authentication user, String chatToken) {
        if (destination == null) {
            return null;
        }
        if (destination.equals(Destinations.QUEUES) || destination.startsWith("/user/queue/")) {
            return hasAny(user, StreamRight.STAFF) ? new StreamRight.StaffRole(StreamRight.STAFF) : null;
        }
        if (destination.equals(Destinations.SUPERVISOR)) {
            Set<String> supervisors = Set.of("ROLE_SUPERVISOR");
            return hasAny(user, supervisors) ? new StreamRight.StaffRole(supervisors) : null;
        }
        String chatId = chatId(destination, StompCommand.SUBSCRIBE);
        if (chatId == null) {
            return null;
        }
        if (hasAny(user, StreamRight.STAFF)) {
            return chats.handlerMayUse(chatId, user.getName()) ? new StreamRight.HandlerOfChat(chatId) : null;
        }
        return chats.citizenMayUse(chatId, chatToken) ? new StreamRight.CitizenOfChat(chatId) : null;
    }

    private boolean maySend(String destination, Authentication user, String chatToken) {
        String chatId = destination == null ? null : chatId(destination, StompCommand.SEND);
        if (chatId == null) {
            return false;
        }
        return hasAny(user, StreamRight.STAFF)
                ? chats.handlerMayUse(chatId, user.getName())
                : chats.citizenMayUse(chatId, chatToken);
    }

    /** The chat a frame is about, or null when the destination is not a chat's. */
    static String chatId(String destination, StompCommand command) {
        if (command == StompCommand.SUBSCRIBE && destination.startsWith(Destinations.CHAT_PREFIX)) {
            return validId(destination.substring(Destinations.CHAT_PREFIX.length()));
        }
        if (command == StompCommand.SEND && destination.startsWith("/app/chat.")) {
            // A message, or the ephemeral "typing" notice: the same people may send either.
            for (String action : List.of(".send", ".typing")) {
                if (destination.endsWith(action) && destination.length() > "/app/chat.".length() + action.length()) {
                    return validId(
                            destination.substring("/app/chat.".length(), destination.length() - action.length()));
                }
            }
        }
        return null;
    }

    private static String validId(String id) {
        return id.matches("[A-Za-z0-9-]{1,64}") ? id : null;
    }

    private Authentication signedIn(String socket) {
        return sockets.signedIn(socket).orElse(null);
    }

    /** A socket opened by a member of staff whose sign-in has since ended or changed. */
    private boolean signedOut(String socket) {
        return sockets.openedByStaff(socket) && sockets.signedIn(socket).isEmpty();
    }

    private Message<?> endSignedOut(String socket) {
        refusals.refused(REFUSED, "from a signed-out socket");
        subscriptions.forgetSocket(socket);
        sockets.close(socket, LiveSockets.SIGNED_OUT);
        return null;
    }

    /** Drops the frame and sends an ERROR frame of our own words; STOMP then closes the socket. */
    private Message<?> refuse(StompHeaderAccessor frame, String reason) {
        refusals.refused(REFUSED, reason);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setSessionId(frame.getSessionId());
        error.setMessage("Not allowed");
        error.setHeader(LiveSubscriptions.OURS, true);
        toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
        return null;
    }

    private static boolean hasAny(Authentication user, Set<String> roles) {
        return user != null
                && user.isAuthenticated()
                && user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(roles::contains);
    }

    private static boolean csrfEchoed(StompHeaderAccessor stomp) {
        if (!(stomp.getUser() instanceof Authentication)) {
            return true; // a citizen's socket carries no staff authority to forge
        }
        Map<String, Object> session = stomp.getSessionAttributes();
        Object expected = session == null ? null : session.get(CSRF_SESSION_ATTRIBUTE);
        String given = stomp.getFirstNativeHeader("X-XSRF-TOKEN");
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
