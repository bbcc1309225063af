package uk.police.bluelamp.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * Gauges read from the database, so every node reports the same values: how far each tracking
 * processor's segment is behind the head of the event store and which node holds it (from
 * token_entry), and how many contacts wait in each channel's queue and for how long (from the
 * queue read model). Read together every few seconds rather than once per gauge per scrape.
 * Tags are processor names, segment numbers, node names and channels: never a person's data.
 */
@Component
class DatabaseGauges implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Map<Channel, double[]> queues = new ConcurrentHashMap<>();
    private volatile double head = -1;
    private MultiGauge lag;
    private MultiGauge owners;

    DatabaseGauges(JdbcTemplate jdbc, Serializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bluelamp.events.head", () -> head)
                .description("Global index of the newest event in the event store")
                .register(registry);
        lag = MultiGauge.builder("bluelamp.processor.lag")
                .description("Events a tracking processor's segment has still to handle, behind the event store's head")
                .register(registry);
        owners = MultiGauge.builder("bluelamp.processor.segment.owner")
                .description("1 for the node holding each tracking processor's segment (owner none: unclaimed)")
                .register(registry);
        for (Channel channel : Channel.values()) {
            double[] values = queues.computeIfAbsent(channel, c -> new double[2]);
            Gauge.builder("bluelamp.queue.waiting", values, v -> v[0])
                    .tag("channel", channel.name())
                    .description("Contacts waiting in the channel's queue")
                    .register(registry);
            Gauge.builder("bluelamp.queue.oldest.wait", values, v -> v[1])
                    .tag("channel", channel.name())
                    .baseUnit("seconds")
                    .description("How long the longest-waiting contact has waited")
                    .register(registry);
        }
    }

    @Scheduled(fixedDelayString = "${bluelamp.metrics.database-refresh:5s}", initialDelay = 1000)
    void refresh() {
        if (lag == null) {
            return;
        }
        long newest = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        List<MultiGauge.Row<?>> holders = new ArrayList<>();
        jdbc.query("select processor_name, segment, token, token_type, owner from token_entry", row -> {
            Tags segment = Tags.of("processor", row.getString(1), "segment", Integer.toString(row.getInt(2)));
            lags.add(MultiGauge.Row.of(segment, Math.max(0, newest - position(row.getBytes(3), row.getString(4)))));
            String owner = row.getString(5);
            holders.add(MultiGauge.Row.of(segment.and("owner", owner == null ? "none" : owner), 1));
        });
        head = newest;
        lag.register(lags, true);
        owners.register(holders, true);
        Map<String, double[]> waiting = new ConcurrentHashMap<>();
        jdbc.query(
                "select channel, count(*), min(queued_at) from queue_item where state = 'WAITING' group by channel",
                row -> {
                    Timestamp oldest = row.getTimestamp(3);
                    waiting.put(row.getString(1), new double[] {
                        row.getLong(2),
                        oldest == null
                                ? 0
                                : Math.max(
                                        0,
                                        Duration.between(oldest.toInstant(), clock.instant())
                                                        .toMillis()
                                                / 1000.0)
                    });
                });
        queues.forEach((channel, values) -> {
            double[] now = waiting.getOrDefault(channel.name(), new double[2]);
            values[0] = now[0];
            values[1] = now[1];
        });
    }

    private long position(byte[] token, String type) {
        if (token == null) {
            return -1;
        }
        TrackingToken read = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return read == null ? -1 : read.position().orElse(-1);
    }
}
