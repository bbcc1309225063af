package uk.police.bluelamp.audit.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.eventstore.StoredEvent;

/**
 * The SQL behind the event log: only the filters given, each on an indexed column, newest
 * first and cut at a global index, so a page costs the same on the millionth event as on the
 * first. Public so a test can ask PostgreSQL how it runs it.
 */
public record LogQuery(String sql, Object[] args) {

    public static LogQuery newestFirst(
            Instant from,
            Instant to,
            String payloadType,
            String actor,
            String channel,
            List<String> aggregates,
            Long before,
            int limit) {
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(to));
        }
        if (payloadType != null) {
            where.append(" and payload_type = ?");
            args.add(payloadType);
        }
        if (actor != null) {
            // Staff are recorded as "staff:<username>"; auditors search by the username.
            where.append(" and actor = any(?)");
            args.add(actor.contains(":") ? new String[] {actor} : new String[] {actor, Commands.staff(actor)});
        }
        if (channel != null) {
            where.append(" and channel = ?");
            args.add(channel);
        }
        if (aggregates != null) {
            where.append(" and aggregate_identifier = any(?)");
            args.add(aggregates.toArray(String[]::new));
        }
        if (before != null) {
            where.append(" and global_index < ?");
            args.add(before);
        }
        args.add(limit);
        return new LogQuery(
                "select " + StoredEvent.COLUMNS + " from domain_event_entry where " + where
                        + " order by global_index desc limit ?",
                args.toArray());
    }
}
