package uk.police.bluelamp.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.socket.config.WebSocketMessageBrokerStats;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/** What an operator watches: the metrics port, the node tag, and each request's correlation id. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    /** bluelamp.metrics.port: the scrape's own port; unset, there is none (the Dockerfile sets 9464). */
    @Bean
    MetricsPort metricsPort(@Value("${bluelamp.metrics.port:-1}") int port) {
        return new MetricsPort(port);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> metricsConnector(
            MetricsPort metrics, @Value("${bluelamp.metrics.port:-1}") int port) {
        return factory -> {
            if (port >= 0) {
                factory.addAdditionalTomcatConnectors(metrics.connector());
            }
        };
    }

    /** Before every other filter: nothing but the scrape is served on the metrics port. */
    @Bean
    FilterRegistrationBean<MetricsPort> onlyTheScrapeOnTheMetricsPort(MetricsPort metrics) {
        FilterRegistrationBean<MetricsPort> registration = new FilterRegistrationBean<>(metrics);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CorrelatedRequests> correlatedRequests() {
        FilterRegistrationBean<CorrelatedRequests> registration =
                new FilterRegistrationBean<>(new CorrelatedRequests());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Every meter names the node that reports it by the id it claims segments and beats its
     * heartbeat under (bluelamp.cluster.node-id, or one made at start). Meters read from the
     * database report the same from every node; counters and sessions are the node's own.
     */
    @Bean
    MeterFilter nodeTag(ClusterNodes nodes) {
        return MeterFilter.commonTags(List.of(Tag.of("node", nodes.nodeId())));
    }

    @Bean
    MeterBinder webSocketSessions(WebSocketMessageBrokerStats stats) {
        return registry -> Gauge.builder(
                        "bluelamp.websocket.sessions",
                        stats,
                        s -> s.getWebSocketSessionStats() == null
                                ? 0
                                : s.getWebSocketSessionStats().getWebSocketSessions())
                .description("WebSocket (STOMP) sessions open on this node")
                .register(registry);
    }
}
