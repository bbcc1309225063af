package uk.police.bluelamp.contact.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One contact as the live console shows it. */
public record QueueItem(String contactId, String channel, String state, int priority, String grade,
                        Instant queuedAt, String summary, String reference, String from, String handler,
                        boolean overTarget) {

    static QueueItem of(ResultSet rs, QueueSettings settings, Instant now) throws SQLException {
        Instant queuedAt = rs.getTimestamp("queued_at").toInstant();
        String channel = rs.getString("channel");
        boolean waiting = "WAITING".equals(rs.getString("state"));
        boolean overTarget = waiting && queuedAt.plus(settings.of(
                uk.police.bluelamp.messages.contact.Channel.valueOf(channel)).getTarget()).isBefore(now);
        return new QueueItem(rs.getString("contact_id"), channel, rs.getString("state"), rs.getInt("priority"),
                rs.getString("grade"), queuedAt, rs.getString("summary"), rs.getString("reference"),
                rs.getString("from_number"), rs.getString("handler"), overTarget);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
