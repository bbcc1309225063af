package uk.police.bluelamp.app.live;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.HandshakeInterceptor;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LiveSockets;
import uk.police.bluelamp.contact.live.ReconnectAfterLostPushes;
import uk.police.bluelamp.contact.live.StompAuthorization;

/**
 * STOMP over a plain WebSocket at /ws. One node uses the simple in-memory broker; several
 * nodes share a STOMP broker (RabbitMQ's STOMP plugin) through the relay when
 * bluelamp.stomp.relay-host is set. Destinations use '.' separators because RabbitMQ rejects '/'.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    private final String relayHost;
    private final int relayPort;
    private final String relayLogin;
    private final String relayPasscode;
    private final String relayVirtualHost;

    private final HandshakeInterceptor clientAddress;
    private final LiveSockets sockets;
    private final CsrfTokenRepository csrfTokens;
    private final TaskScheduler heartbeats;

    WebSocketConfiguration(
            @Value("${bluelamp.stomp.relay-host:}") String relayHost,
            @Value("${bluelamp.stomp.relay-port:61613}") int relayPort,
            @Value("${bluelamp.stomp.relay-login:guest}") String relayLogin,
            @Value("${bluelamp.stomp.relay-passcode:guest}") String relayPasscode,
            @Value("${bluelamp.stomp.relay-virtual-host:/}") String relayVirtualHost,
            @Qualifier("clientAddressIntoSession") HandshakeInterceptor clientAddress,
            LiveSockets sockets,
            CsrfTokenRepository csrfTokens,
            @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats) {
        this.heartbeats = heartbeats;
        this.clientAddress = clientAddress;
        this.sockets = sockets;
        this.csrfTokens = csrfTokens;
        this.relayHost = relayHost;
        this.relayPort = relayPort;
        this.relayLogin = relayLogin;
        this.relayPasscode = relayPasscode;
        this.relayVirtualHost = relayVirtualHost;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Same-origin only (Spring's default): another site cannot open a socket with our cookies.
        // LiveSockets keeps each socket's sign-in, so its rights end when that sign-in does.
        registry.addEndpoint("/ws").addInterceptors(new CsrfTokenIntoSession(csrfTokens), clientAddress, sockets);
        // A client's frames are handled in the order it sent them: a SUBSCRIBE before its first SEND.
        registry.setPreserveReceiveOrder(true);
    }

    /**
     * The largest legitimate frame is a chat message: 2000 characters, up to 6 bytes each once
     * JSON-escaped, plus headers. A larger frame ends the session with an ERROR frame.
     */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(MAX_INBOUND_FRAME);
    }

    static final int MAX_INBOUND_FRAME = 16 * 1024;
    static final long HEARTBEAT_MILLIS = 10_000;

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPathMatcher(new AntPathMatcher("."));
        // Messages reach each client in the order they were published.
        registry.setPreservePublishOrder(true);
        if (relayHost.isBlank()) {
            // Heart-beats both ways (the browser asks for 10 s each way): a socket that dies
            // without a close, such as a phone losing signal, is closed after three missed
            // beats, and its citizen's grace period starts (CitizenPresence).
            registry.enableSimpleBroker("/topic", "/queue")
                    .setHeartbeatValue(new long[] {HEARTBEAT_MILLIS, HEARTBEAT_MILLIS})
                    .setTaskScheduler(heartbeats);
        } else {
            // The relay passes the client's heart-beats on to RabbitMQ, which closes a silent
            // client's connection, and the relay then its socket.
            registry.enableStompBrokerRelay("/topic", "/queue")
                    .setRelayHost(relayHost)
                    .setRelayPort(relayPort)
                    .setClientLogin(relayLogin)
                    .setClientPasscode(relayPasscode)
                    .setSystemLogin(relayLogin)
                    .setSystemPasscode(relayPasscode)
                    // The broker's, not the client's: a STOMP 1.2 client must send a host header
                    // (ours is "localhost" or the force's name), and RabbitMQ reads it as a vhost.
                    .setVirtualHost(relayVirtualHost)
                    // Every node hears every push to a user and serves its own sessions (ADR 0022).
                    // No user registry broadcast: each node resolving only its own sessions is
                    // what keeps one copy per session.
                    .setUserDestinationBroadcast(Destinations.USER_BROADCAST);
        }
    }

    @Bean
    static EverySessionOfAUser everySessionOfAUser() {
        return new EverySessionOfAUser();
    }

    @Bean
    static ReconnectBroadcastListener reconnectBroadcastListener(ObjectProvider<ReconnectAfterLostPushes> reconnect) {
        return new ReconnectBroadcastListener(reconnect);
    }

    /**
     * Keeps the handshake's CSRF token, if the server signed it for this session, so a staff
     * CONNECT can be checked against it (StompAuthorization): the same check as over HTTP.
     */
    static class CsrfTokenIntoSession implements HandshakeInterceptor {

        private final CsrfTokenRepository csrfTokens;

        CsrfTokenIntoSession(CsrfTokenRepository csrfTokens) {
            this.csrfTokens = csrfTokens;
        }

        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler handler,
                Map<String, Object> attributes) {
            if (request instanceof ServletServerHttpRequest servlet) {
                CsrfToken token = csrfTokens.loadToken(servlet.getServletRequest());
                if (token != null) {
                    attributes.put(StompAuthorization.CSRF_SESSION_ATTRIBUTE, token.getToken());
                }
            }
            return true;
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
            // nothing to do
        }
    }
}
