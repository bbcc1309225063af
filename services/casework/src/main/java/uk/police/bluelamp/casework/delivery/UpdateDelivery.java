package uk.police.bluelamp.casework.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;

/**
 * Delivers each public update once, when it is published (never again on a replay), and
 * retries failed deliveries with a growing pause until they succeed or run out of attempts,
 * which stays visible on the case as FAILED.
 */
@Component
@ProcessingGroup("citizen-updates")
class UpdateDelivery {

    private final CitizenUpdates updates;
    private final NotifySettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    UpdateDelivery(CitizenUpdates updates, NotifySettings settings, JdbcClient jdbc, Clock clock) {
        this.updates = updates;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(PublicUpdatePublished event) {
        updates.deliver(event.reference(), event.updateId(), event.channel(), 1);
    }

    @Scheduled(fixedDelayString = "${bluelamp.notify.retry-interval:15s}")
    void retryFailed() {
        jdbc.sql("""
                        select update_id, reference, channel, attempts, at from case_delivery
                        where status = 'FAILED' and attempts < :max
                        """)
                .param("max", settings.getMaxAttempts())
                .query((rs, n) -> new Object[] {
                    rs.getString("update_id"),
                    rs.getString("reference"),
                    rs.getString("channel"),
                    rs.getInt("attempts"),
                    rs.getTimestamp("at")
                })
                .list()
                .forEach(row -> {
                    int attempts = (Integer) row[3];
                    Duration pause = settings.getFirstRetry().multipliedBy(1L << Math.min(attempts - 1, 8));
                    if (((Timestamp) row[4]).toInstant().plus(pause).isBefore(clock.instant())) {
                        updates.deliver(
                                (String) row[1], (String) row[0], UpdateChannel.valueOf((String) row[2]), attempts + 1);
                    }
                });
    }
}
