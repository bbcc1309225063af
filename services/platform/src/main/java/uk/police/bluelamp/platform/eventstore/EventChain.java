package uk.police.bluelamp.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hash chain over every stored event (docs/adr/0009, 0048). An append marks its events as
 * the application's as it inserts them, with a leaf seal over each row (MarkedAppend); {@link ChainSealer}
 * links marked rows into the chain after they commit, in the order it finds them. A row without
 * a mark (forged in SQL) is never linked, and one changed since it was marked no longer matches
 * its leaf and is not linked either.
 */
public final class EventChain {

    /** Appends hold it shared from insert to commit; {@link #lock} waits until none is in flight. */
    static final long LOCK = 0x626c7565_6c616d70L;
    /** Sealers on every node take turns extending the chain. */
    static final long SEAL_LOCK = 0x626c7565_7365616cL;

    private EventChain() {}

    /**
     * Every append in flight has committed (or rolled back) when this returns, and none starts
     * until the caller's transaction ends: everything up to the highest global index is committed.
     */
    public static void lock(Connection connection) throws SQLException {
        advisory(connection, "select pg_advisory_xact_lock(?)", LOCK);
    }

    static void lockForAppend(Connection connection) throws SQLException {
        advisory(connection, "select pg_advisory_xact_lock_shared(?)", LOCK);
    }

    static void lockForSealing(Connection connection) throws SQLException {
        advisory(connection, "select pg_advisory_xact_lock(?)", SEAL_LOCK);
    }

    private static void advisory(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, key);
            lock.executeQuery().close();
        }
    }

    /**
     * Links up to {@code most} marked, committed events into the chain, oldest insert first; the
     * caller holds {@link #lockForSealing}. Returns how many rows it looked at.
     */
    static int sealMarked(Connection connection, int most) throws SQLException {
        List<EventSeal> intact = new ArrayList<>();
        int looked = 0;
        Link head = new Link(0, EventSeal.GENESIS);
        // The head comes with the rows: one round trip fewer while the sealers' lock is held.
        try (PreparedStatement select = connection.prepareStatement("with head as (select chain_position, chain_hash "
                + "from domain_event_entry where chain_position is not null order by chain_position desc limit 1) "
                + "select marked.*, head.chain_position as head_position, head.chain_hash as head_hash from head "
                + "right join (select " + EventSeal.COLUMNS + ", chain_hash from domain_event_entry "
                + "where chain_position is null and chain_hash is not null order by global_index limit ?) marked on true "
                + "order by marked.global_index")) {
            select.setInt(1, most);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    looked++;
                    long position = row.getLong("head_position");
                    if (!row.wasNull()) {
                        head = new Link(position, row.getBytes("head_hash"));
                    }
                    EventSeal event = EventSeal.from(row);
                    if (Arrays.equals(leaf(event), row.getBytes("chain_hash"))) {
                        intact.add(event);
                    } else {
                        ChainSealer.refused(event);
                    }
                }
            }
        }
        link(connection, intact, head);
        return looked;
    }

    /** For events already stored, keeping the who/how/when columns they have. */
    public static void sealExisting(Connection connection, List<EventSeal> events) throws SQLException {
        sealInOrder(connection, events);
    }

    /** A mark no chain link can equal: links have positions from 1. */
    static byte[] leaf(EventSeal event) {
        return event.hash(EventSeal.GENESIS, 0);
    }

    private record Link(long position, byte[] hash) {}

    private static void sealInOrder(Connection connection, List<EventSeal> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Link head = new Link(0, EventSeal.GENESIS);
        try (PreparedStatement select = connection.prepareStatement(
                        "select chain_position, chain_hash from domain_event_entry where chain_position is not null "
                                + "order by chain_position desc limit 1");
                ResultSet row = select.executeQuery()) {
            if (row.next()) {
                head = new Link(row.getLong(1), row.getBytes(2));
            }
        }
        link(connection, fresh, head);
    }

    private static void link(Connection connection, List<EventSeal> fresh, Link head) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        long position = head.position();
        byte[] previous = head.hash();
        try (PreparedStatement update = connection.prepareStatement(
                "update domain_event_entry set chain_position = ?, chain_hash = ? where global_index = ?")) {
            for (EventSeal event : fresh) {
                position++;
                previous = event.hash(previous, position);
                update.setLong(1, position);
                update.setBytes(2, previous);
                update.setLong(3, event.globalIndex());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
