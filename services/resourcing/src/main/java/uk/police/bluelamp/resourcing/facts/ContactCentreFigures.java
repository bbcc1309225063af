package uk.police.bluelamp.resourcing.facts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * The contact centre's figures over any period, from {@link ContactCentreFacts}: per channel and
 * 15-minute interval (by when each contact was offered), and per handler. Every query reads one
 * channel's or one handler's rows over the period through an index.
 */
@Component
public class ContactCentreFigures {

    /** Intervals are counted from this instant, so every interval starts on a quarter hour. */
    private static final String ORIGIN = "timestamptz '2000-01-01 00:00:00+00'";

    /** Package-visible so a test can ask PostgreSQL for its plan (ContactCentreFiguresAtScaleTest). */
    static final String INTERVALS = """
        select date_bin('15 minutes', offered_at, %s) as start,
               count(*) as offered,
               count(answered_at) as answered,
               count(*) filter (where abandoned_at is not null and answered_at is null) as abandoned,
               count(*) filter (where abandoned_at is not null and answered_at is null
                                and abandoned_at - offered_at < :short * interval '1 second') as short_abandoned,
               count(*) filter (where answered_at - offered_at <= :target * interval '1 second') as within_target,
               coalesce(sum(greatest(extract(epoch from answered_at - offered_at), 0)), 0) as speed,
               count(*) filter (where answered_at is not null and coalesce(closed_at, ended_at) is not null)
                   as handled,
               coalesce(sum(greatest(extract(epoch from coalesce(closed_at, ended_at) - answered_at), 0))
                   filter (where answered_at is not null), 0) as handle
        from contact_fact
        where channel = :channel and offered_at >= :from and offered_at < :to
        group by 1 order by 1
        """.formatted(ORIGIN);

    /** The spans by the GiST index on their range (V51): a period late in a long history stays cheap. */
    static final String HANDLERS = """
        with spans as (
          select handler, status,
                 extract(epoch from least(coalesce(to_at, :to), :to) - greatest(from_at, :from)) as seconds
          from handler_span
          where tstzrange(from_at, to_at) && tstzrange(cast(:from as timestamptz), cast(:to as timestamptz))
        ),
        work as (
          select answered_by as handler,
                 sum(extract(epoch from least(coalesce(closed_at, ended_at, :to), :to)
                                      - greatest(answered_at, :from))) as seconds
          from contact_fact
          where answered_at < :to and answered_at >= cast(:from as timestamptz) - interval '1 day'
            and answered_by is not null and coalesce(closed_at, ended_at, :to) > :from
          group by answered_by
        )
        select h.handler,
               coalesce(sum(s.seconds) filter (where s.status = 'AVAILABLE'), 0) as available,
               coalesce(sum(s.seconds) filter (where s.status = 'BUSY'), 0) as busy,
               coalesce(max(w.seconds), 0) as on_contacts
        from (select handler from spans union select handler from work) h
        left join spans s on s.handler = h.handler
        left join work w on w.handler = h.handler
        group by h.handler order by h.handler
        """;

    private final JdbcClient jdbc;

    ContactCentreFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param abandoned     all contacts that left before an answer
     * @param shortAbandoned those of them that left within the short-abandon threshold
     * @param speedOfAnswerSeconds total seconds answered contacts waited (divide by answered)
     * @param handleSeconds total seconds from answer to close (or end) of those handled
     */
    public record Interval(
            Instant start,
            long offered,
            long answered,
            long abandoned,
            long shortAbandoned,
            long answeredWithinTarget,
            double speedOfAnswerSeconds,
            long handled,
            double handleSeconds) {}

    /** Every 15-minute interval of [from, to) in which the channel was offered a contact. */
    public List<Interval> intervals(Channel channel, Instant from, Instant to, Duration target, Duration shortAbandon) {
        return jdbc.sql(INTERVALS)
                .param("channel", channel.name())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("target", target.toSeconds())
                .param("short", shortAbandon.toSeconds())
                .query((rs, n) -> new Interval(
                        rs.getTimestamp("start").toInstant(),
                        rs.getLong("offered"),
                        rs.getLong("answered"),
                        rs.getLong("abandoned"),
                        rs.getLong("short_abandoned"),
                        rs.getLong("within_target"),
                        rs.getDouble("speed"),
                        rs.getLong("handled"),
                        rs.getDouble("handle")))
                .list();
    }

    /**
     * One handler's time over a period: available and busy (their availability, clipped to the
     * period) and on contacts (from answer to close or end of the contacts they answered; a
     * contact answered more than a day before the period is not looked for).
     * Occupancy is time on contacts over time signed in (available or busy).
     */
    public record HandlerTime(String handler, double availableSeconds, double busySeconds, double onContactsSeconds) {

        public double occupancy() {
            double staffed = availableSeconds + busySeconds;
            return staffed <= 0 ? 0 : Math.min(1, onContactsSeconds / staffed);
        }
    }

    public List<HandlerTime> handlers(Instant from, Instant to) {
        return jdbc.sql(HANDLERS)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new HandlerTime(
                        rs.getString("handler"),
                        rs.getDouble("available"),
                        rs.getDouble("busy"),
                        rs.getDouble("on_contacts")))
                .list();
    }

    /**
     * How long a channel's contacts waited over a period, answered or not: the time from offer to
     * answer or to leaving, and how many left. Their ratio estimates patience (the mean time a
     * waiting contact stays) for a queue where people leave (Erlang A).
     */
    public record Waits(long abandoned, double waitingSeconds) {}

    public Waits waits(Channel channel, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) filter (where abandoned_at is not null and answered_at is null) as abandoned,
                               coalesce(sum(greatest(extract(epoch from coalesce(answered_at, abandoned_at) - offered_at), 0)), 0)
                                   as waiting
                        from contact_fact
                        where channel = :channel and offered_at >= :from and offered_at < :to
                        """)
                .param("channel", channel.name())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Waits(rs.getLong("abandoned"), rs.getDouble("waiting")))
                .single();
    }
}
