package uk.police.bluelamp.app.limits;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import uk.police.bluelamp.platform.client.ClientAddress;
import uk.police.bluelamp.platform.refusals.Refusals;

/**
 * Both limits run before Spring Security and MVC: a throttled client costs no body read,
 * session, CSRF or database work, and an oversized body is refused before a parser sees it.
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
            @Value("${bluelamp.max-body-size:65536}") int maxBytes, ObjectProvider<LimitedRoutes> routes) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(maxBytes, routes));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** The socket's client, as the HTTP filter would see it, for the limits on chat sends (StompSendLimits). */
    @Bean
    HandshakeInterceptor clientAddressIntoSession() {
        return new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(
                    ServerHttpRequest request,
                    ServerHttpResponse response,
                    WebSocketHandler handler,
                    Map<String, Object> attributes) {
                if (request instanceof ServletServerHttpRequest servlet) {
                    attributes.put(StompSendLimits.CLIENT_ADDRESS, ClientAddress.of(servlet.getServletRequest()));
                }
                return true;
            }

            @Override
            public void afterHandshake(
                    ServerHttpRequest request,
                    ServerHttpResponse response,
                    WebSocketHandler handler,
                    Exception exception) {
                // nothing to do
            }
        };
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimits limits, ObjectProvider<LimitedRoutes> routes, Refusals refusals) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, routes, refusals));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }
}
