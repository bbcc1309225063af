package uk.police.bluelamp.contact.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/** Puts the contact context's STOMP rules in front of every inbound frame. */
@Configuration(proxyBeanMethods = false)
class LiveMessagingConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAuthorization authorization;
    private final SubscriptionReceipts receipts;

    LiveMessagingConfiguration(StompAuthorization authorization, SubscriptionReceipts receipts) {
        this.authorization = authorization;
        this.receipts = receipts;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorization, receipts);
    }
}
