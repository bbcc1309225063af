package uk.police.bluelamp.resourcing.whatif;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * A past day as the what-if replays it, from resourcing's contact facts: each contact's moments
 * (never who made it) and each handler's time signed in (available or busy) as anonymous duty
 * spans. Reads one channel's rows through the (channel, offered_at) index, at most one more than
 * the replay accepts.
 */
@Component
class DayOfContacts {

    private final JdbcClient jdbc;

    DayOfContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact's moments; null where it did not happen (yet). */
    record Observed(Instant offered, Instant answered, Instant abandoned, Instant done) {}

    /** A handler signed in (available or busy) from one moment to the next; no name. */
    record Duty(Instant from, Instant to) {}

    List<Observed> contacts(Channel channel, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select offered_at, answered_at, abandoned_at, coalesce(closed_at, ended_at) as done_at
                        from contact_fact
                        where channel = :channel and offered_at >= :from and offered_at < :to
                        order by offered_at, contact_id
                        limit :limit
                        """)
                .param("channel", channel.name())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> new Observed(
                        instant(rs.getTimestamp("offered_at")),
                        instant(rs.getTimestamp("answered_at")),
                        instant(rs.getTimestamp("abandoned_at")),
                        instant(rs.getTimestamp("done_at"))))
                .list();
    }

    /**
     * Each handler's spans signed in over [from, to), back-to-back spans joined (available then
     * busy is one stretch of duty), an open span ending at {@code to}.
     */
    List<List<Duty>> handlers(Instant from, Instant to) {
        Map<String, List<Duty>> byHandler = new LinkedHashMap<>();
        jdbc.sql("""
                        select handler, greatest(from_at, :from) as from_at, least(coalesce(to_at, :to), :to) as to_at
                        from handler_span
                        where status in ('AVAILABLE', 'BUSY') and from_at < :to and coalesce(to_at, :to) > :from
                        order by handler, from_at
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> {
                    List<Duty> spans = byHandler.computeIfAbsent(rs.getString("handler"), h -> new ArrayList<>());
                    Duty span = new Duty(instant(rs.getTimestamp("from_at")), instant(rs.getTimestamp("to_at")));
                    Duty last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                    if (last != null && !last.to().isBefore(span.from())) {
                        spans.set(spans.size() - 1, new Duty(last.from(), span.to()));
                    } else {
                        spans.add(span);
                    }
                    return null;
                })
                .list();
        return List.copyOf(byHandler.values());
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
