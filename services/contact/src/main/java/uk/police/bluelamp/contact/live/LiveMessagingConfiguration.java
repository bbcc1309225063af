package uk.police.bluelamp.contact.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/** Puts the contact context's STOMP rules in front of every frame, inbound and outbound. */
@Configuration(proxyBeanMethods = false)
class LiveMessagingConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAuthorization authorization;
    private final SubscriptionReceipts receipts;
    private final StreamGuard guard;
    private final LiveSockets sockets;

    LiveMessagingConfiguration(
            StompAuthorization authorization, SubscriptionReceipts receipts, StreamGuard guard, LiveSockets sockets) {
        this.authorization = authorization;
        this.receipts = receipts;
        this.guard = guard;
        this.sockets = sockets;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorization, receipts);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(guard);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(sockets);
    }
}
