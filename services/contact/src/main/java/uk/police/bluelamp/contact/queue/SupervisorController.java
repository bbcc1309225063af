package uk.police.bluelamp.contact.queue;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.Channel;

/** How each queue is doing, now and so far today (in the force's time zone). */
@RestController
class SupervisorController {

    private static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final QueueSettings settings;
    private final Clock clock;

    SupervisorController(JdbcClient jdbc, QueueSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    record ChannelStats(
            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(requiredMode = REQUIRED) long waiting,
            @Schema(requiredMode = REQUIRED) long longestWaitSeconds,
            @Schema(requiredMode = REQUIRED) long answeredToday,
            @Schema(requiredMode = REQUIRED) long abandonedToday,
            @Schema(requiredMode = REQUIRED) long averageWaitSeconds,
            @Schema(requiredMode = REQUIRED) long averageHandleSeconds,
            @Schema(requiredMode = REQUIRED) long targetSeconds) {}

    record HourlyWait(
            @Schema(requiredMode = REQUIRED) int hour,

            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(requiredMode = REQUIRED) long averageWaitSeconds,
            @Schema(requiredMode = REQUIRED) long answered) {}

    record Stats(
            @Schema(requiredMode = REQUIRED) List<ChannelStats> channels,
            @Schema(requiredMode = REQUIRED) List<HourlyWait> waitsByHour) {}

    @GetMapping("/api/v1/staff/supervisor/stats")
    Stats stats() {
        Instant now = clock.instant();
        Timestamp today = Timestamp.from(LocalDate.now(clock.withZone(FORCE_ZONE))
                .atStartOfDay(FORCE_ZONE)
                .toInstant());
        List<ChannelStats> channels = Arrays.stream(Channel.values())
                .map(channel -> jdbc.sql("""
                                select
                                  count(*) filter (where state = 'WAITING' and queued_at <= :now) as waiting,
                                  coalesce(extract(epoch from :now - min(queued_at)
                                           filter (where state = 'WAITING' and queued_at <= :now)), 0) as longest,
                                  count(*) filter (where answered_at >= :today) as answered,
                                  count(*) filter (where abandoned and ended_at >= :today) as abandoned,
                                  coalesce(avg(greatest(extract(epoch from answered_at - first_queued_at), 0))
                                           filter (where answered_at >= :today), 0) as avg_wait,
                                  coalesce(avg(extract(epoch from coalesce(closed_at, ended_at) - answered_at))
                                           filter (where coalesce(closed_at, ended_at) >= :today and answered_at is not null), 0) as avg_handle
                                from queue_item where channel = :channel
                                """)
                        .param("now", Timestamp.from(now))
                        .param("today", today)
                        .param("channel", channel.name())
                        .query((rs, n) -> new ChannelStats(
                                channel.name(),
                                rs.getLong("waiting"),
                                Math.round(rs.getDouble("longest")),
                                rs.getLong("answered"),
                                rs.getLong("abandoned"),
                                Math.round(rs.getDouble("avg_wait")),
                                Math.round(rs.getDouble("avg_handle")),
                                settings.of(channel).getTarget().toSeconds()))
                        .single())
                .toList();
        List<HourlyWait> hours = jdbc.sql("""
                        select extract(hour from first_queued_at at time zone 'Europe/London')::int as hour, channel,
                               avg(greatest(extract(epoch from answered_at - first_queued_at), 0)) as avg_wait,
                               count(*) as answered
                        from queue_item where answered_at >= :today
                        group by 1, 2 order by 1, 2
                        """)
                .param("today", today)
                .query((rs, n) -> new HourlyWait(
                        rs.getInt("hour"),
                        rs.getString("channel"),
                        Math.round(rs.getDouble("avg_wait")),
                        rs.getLong("answered")))
                .list();
        return new Stats(channels, hours);
    }
}
