package uk.police.bluelamp.contact.live;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * This node's open sockets, each with the sign-in (HTTP session id) it was opened from. A staff
 * socket acts for its sign-in only while that sign-in lasts unchanged: signed out, expired, or
 * signed in again as someone else or with other roles, and the socket has no staff rights left.
 * The sockets are this node's; the sign-ins are every node's (SignIns), and one can end on any
 * node, by sign-out or expiry, with no event reaching this one: so each frame asks, and every few
 * seconds the staff sockets whose sign-in has gone are closed (docs/adr/0021).
 */
@Component
public class LiveSockets implements HandshakeInterceptor, WebSocketHandlerDecoratorFactory {

    /** Closed because the sign-in it was opened from has ended or changed. */
    static final CloseStatus SIGNED_OUT = new CloseStatus(4401, "Signed out");

    private static final String HTTP_SESSION_ID = "bluelamp.httpSessionId";
    private static final String OPENED_AT = "bluelamp.openedAt";

    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
    private final SignIns signIns;
    private final CitizenPresence presence;

    LiveSockets(SignIns signIns, CitizenPresence presence) {
        this.signIns = signIns;
        this.presence = presence;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            HttpSession session = servlet.getServletRequest().getSession(false);
            if (session != null) {
                attributes.put(HTTP_SESSION_ID, session.getId());
            }
        }
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
        // nothing to do
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                session.getAttributes().put(OPENED_AT, System.nanoTime());
                open.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                open.remove(session.getId());
                // Any socket, not only an anonymous one: a signed-in auditor holding a citizen's
                // chat token subscribes as that citizen.
                presence.left(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /**
     * Who a socket acts for now: the staff member it was opened by, as long as the HTTP session
     * it came from is still valid and still holds the same person with the same roles. Empty for
     * a citizen's socket and for one whose sign-in has ended or changed.
     */
    Optional<Authentication> signedIn(String socketId) {
        WebSocketSession socket = socketId == null ? null : open.get(socketId);
        if (socket == null || !(socket.getPrincipal() instanceof Authentication opened)) {
            return Optional.empty();
        }
        return current(socket).filter(now -> sameSignIn(opened, now));
    }

    /** Whether the socket was opened by someone signed in, whatever has happened to that sign-in since. */
    boolean openedByStaff(String socketId) {
        WebSocketSession socket = socketId == null ? null : open.get(socketId);
        return socket != null && socket.getPrincipal() != null;
    }

    boolean isOpen(String socketId) {
        return socketId != null && open.containsKey(socketId);
    }

    void close(String socketId, CloseStatus why) {
        WebSocketSession socket = socketId == null ? null : open.get(socketId);
        if (socket != null) {
            closeQuietly(socket, why);
        }
    }

    /** Closes every socket opened before {@code nanoTime} (System.nanoTime); how many it closed. */
    int closeOpenedBefore(long nanoTime, CloseStatus why) {
        int closed = 0;
        for (WebSocketSession socket : open.values()) {
            if (socket.getAttributes().get(OPENED_AT) instanceof Long openedAt && openedAt - nanoTime < 0) {
                closeQuietly(socket, why);
                closed++;
            }
        }
        return closed;
    }

    /** Signed out on this node: its sockets here close at once (other nodes' close at their next check). */
    public void signedOut(String httpSessionId) {
        signIns.ended(httpSessionId);
        open.values().stream()
                .filter(socket -> httpSessionId.equals(sessionId(socket)))
                .forEach(socket -> closeQuietly(socket, SIGNED_OUT));
    }

    /** Closes the staff sockets whose sign-in has ended or changed, wherever that happened. */
    @Scheduled(fixedDelayString = "${bluelamp.live.sign-in-check-interval:PT2S}")
    void closeSignedOut() {
        open.values().stream()
                .filter(socket -> socket.getPrincipal() != null
                        && signedIn(socket.getId()).isEmpty())
                .forEach(socket -> closeQuietly(socket, SIGNED_OUT));
    }

    private Optional<Authentication> current(WebSocketSession socket) {
        String sessionId = sessionId(socket);
        return sessionId == null ? Optional.empty() : signIns.current(sessionId);
    }

    private static boolean sameSignIn(Authentication opened, Authentication now) {
        return now.isAuthenticated()
                && Objects.equals(opened.getName(), now.getName())
                && roles(opened).equals(roles(now));
    }

    private static Set<String> roles(Principal principal) {
        return ((Authentication) principal)
                .getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private static String sessionId(WebSocketSession socket) {
        return socket.getAttributes().get(HTTP_SESSION_ID) instanceof String id ? id : null;
    }

    private static void closeQuietly(WebSocketSession socket, CloseStatus why) {
        try {
            socket.close(why);
        } catch (IOException | RuntimeException alreadyClosing) {
            // the socket is going anyway
        }
    }
}
