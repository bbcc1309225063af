package uk.police.bluelamp.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends freshly stored events to the chain, inside the transaction that stores them. The
 * transaction-scoped advisory lock makes appends take turns from the insert to the commit, so
 * the chain follows commit order and each link sees the one committed before it.
 */
public final class EventChain {

    static final long LOCK = 0x626c7565_6c616d70L;

    /** Who, how and when, copied out of the metadata so the log can be filtered by them. */
    public record Facts(String actor, String channel, Instant occurredAt) {}

    private EventChain() {}

    public static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.executeQuery().close();
        }
    }

    /** Seals the unsealed events among the given identifiers, in the order they were inserted. */
    public static void seal(Connection connection, Map<String, Facts> factsByEventId) throws SQLException {
        List<EventSeal> fresh = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + EventSeal.COLUMNS
                        + " from domain_event_entry where event_identifier = any(?) and chain_position is null order by global_index")) {
            select.setArray(
                    1,
                    connection.createArrayOf("varchar", factsByEventId.keySet().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fresh.add(EventSeal.from(rows));
                }
            }
        }
        sealInOrder(connection, fresh, factsByEventId);
    }

    /** For events already stored, keeping the who/how/when columns they have. */
    public static void sealExisting(Connection connection, List<EventSeal> events) throws SQLException {
        sealInOrder(connection, events, null);
    }

    private static void sealInOrder(Connection connection, List<EventSeal> fresh, Map<String, Facts> factsByEventId)
            throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        long position = 0;
        byte[] previous = EventSeal.GENESIS;
        try (PreparedStatement head = connection.prepareStatement(
                        "select chain_position, chain_hash from domain_event_entry where chain_position is not null "
                                + "order by chain_position desc limit 1");
                ResultSet row = head.executeQuery()) {
            if (row.next()) {
                position = row.getLong(1);
                previous = row.getBytes(2);
            }
        }
        boolean withFacts = factsByEventId != null;
        String sql = withFacts
                ? "update domain_event_entry set chain_position = ?, chain_hash = ?, actor = ?, channel = ?, "
                        + "occurred_at = ? where global_index = ?"
                : "update domain_event_entry set chain_position = ?, chain_hash = ? where global_index = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (EventSeal event : fresh) {
                position++;
                previous = event.hash(previous, position);
                update.setLong(1, position);
                update.setBytes(2, previous);
                int next = 3;
                if (withFacts) {
                    Facts facts = factsByEventId.getOrDefault(event.eventIdentifier(), new Facts(null, null, null));
                    update.setString(next++, facts.actor());
                    update.setString(next++, facts.channel());
                    update.setTimestamp(next++, facts.occurredAt() == null ? null : Timestamp.from(facts.occurredAt()));
                }
                update.setLong(next, event.globalIndex());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
