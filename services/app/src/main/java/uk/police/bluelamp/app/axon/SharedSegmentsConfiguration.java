package uk.police.bluelamp.app.axon;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/**
 * Live nodes split each processor's segments (Axon without Axon Server balances nothing): claims
 * are made in this node's own name, and each pooled processor holds only its {@link SegmentShares}.
 */
@Configuration(proxyBeanMethods = false)
class SharedSegmentsConfiguration {

    /** Axon's default owner is pid@host, the same for two nodes in one process. */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connections,
            Serializer serializer,
            TokenSchema schema,
            TokenStoreProperties properties,
            ClusterNodes nodes) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodes.nodeId())
                .build();
    }

    @Autowired
    void segmentShares(EventProcessingConfigurer processing, ClusterNodes nodes, JdbcTemplate jdbc) {
        SegmentShares shares = new SegmentShares(nodes, jdbc);
        processing.registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.maxSegmentProvider(afterTheBuildersCheck(shares)));
    }

    /**
     * The builder refuses a provider whose first answer is zero, yet a node's fair share of a
     * one-segment processor may be zero: its first answer (the builder's check) is "any".
     */
    private static MaxSegmentProvider afterTheBuildersCheck(SegmentShares shares) {
        AtomicBoolean checked = new AtomicBoolean();
        return processor -> checked.getAndSet(true) ? shares.getMaxSegments(processor) : Short.MAX_VALUE;
    }
}
