package uk.police.bluelamp.contact.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the chats, kept per chat in event order and applied at commit to its row
 * as it was before the batch (read once for all of them), or to the row the batch's start
 * inserts; a change to a chat with no row changes nothing, as its update did. Then new rows are
 * inserted and the others updated: three statements whatever the batch holds (ChatBatchTest
 * holds the rows to the old per-event statements). The rows read live only until the commit.
 */
final class ChatChanges implements BatchedWrites.Changes {

    /** A chat_session row; moments rounded to the microsecond as PostgreSQL keeps them. */
    private static final class Session {
        String tokenHash;
        String citizenName;
        String topic;
        String state;
        String handler;
        Instant startedAt;
        Instant lastActivityAt;
        Instant idleWarnedAt;
        String endReason;
    }

    /** Each chat's changes in order; null stands for no row. */
    private final Map<String, List<UnaryOperator<Session>>> chats = new LinkedHashMap<>();

    void started(String contactId, String tokenHash, String citizenName, String topic, Instant at) {
        changes(contactId).add(session -> {
            if (session != null) {
                return session;
            }
            Session started = new Session();
            started.tokenHash = tokenHash;
            started.citizenName = citizenName;
            started.topic = topic;
            started.state = "WAITING";
            started.startedAt = Unnest.micros(at);
            return started;
        });
    }

    void assigned(String contactId, String handler, Instant at) {
        change(contactId, session -> {
            session.state = "ACTIVE";
            session.handler = handler;
            session.lastActivityAt = Unnest.micros(at);
        });
    }

    /** A message or a file: activity no earlier than what the row holds. */
    void active(String contactId, Instant at) {
        Instant moment = Unnest.micros(at);
        change(contactId, session -> {
            if (session.lastActivityAt == null || moment.isAfter(session.lastActivityAt)) {
                session.lastActivityAt = moment;
            }
        });
    }

    void idleWarned(String contactId, Instant at) {
        change(contactId, session -> session.idleWarnedAt = Unnest.micros(at));
    }

    void backToQueue(String contactId) {
        change(contactId, session -> {
            session.state = "WAITING";
            session.handler = null;
        });
    }

    void abandoned(String contactId) {
        change(contactId, session -> session.state = "ABANDONED");
    }

    void ended(String contactId, String reason) {
        change(contactId, session -> {
            session.endReason = reason;
            if (!"ABANDONED".equals(session.state)) {
                session.state = "ENDED";
            }
        });
    }

    private List<UnaryOperator<Session>> changes(String contactId) {
        return chats.computeIfAbsent(contactId, id -> new ArrayList<>());
    }

    private void change(String contactId, Consumer<Session> change) {
        changes(contactId).add(session -> {
            if (session != null) {
                change.accept(session);
            }
            return session;
        });
    }

    @Override
    public void write(Connection connection) throws SQLException {
        if (chats.isEmpty()) {
            return;
        }
        Map<String, Session> stored = stored(connection);
        List<String[]> inserted = new ArrayList<>();
        List<String[]> updated = new ArrayList<>();
        chats.forEach((contactId, changes) -> {
            Session before = stored.get(contactId);
            Session session = before;
            for (UnaryOperator<Session> change : changes) {
                session = change.apply(session);
            }
            if (session == null) {
                return;
            }
            String lastActivityAt = text(session.lastActivityAt);
            String idleWarnedAt = text(session.idleWarnedAt);
            if (before == null) {
                inserted.add(new String[] {
                    contactId,
                    session.tokenHash,
                    session.citizenName,
                    session.topic,
                    session.state,
                    session.handler,
                    text(session.startedAt),
                    lastActivityAt,
                    idleWarnedAt,
                    session.endReason
                });
            } else {
                updated.add(new String[] {
                    contactId, session.state, session.handler, lastActivityAt, idleWarnedAt, session.endReason
                });
            }
        });
        Unnest.execute(connection, """
                insert into chat_session (contact_id, token_hash, citizen_name, topic, state, handler, started_at,
                                          last_activity_at, idle_warned_at, end_reason)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[])
                """, inserted);
        Unnest.execute(connection, """
                update chat_session c set state = d.state, handler = d.handler, last_activity_at = d.last_activity_at,
                       idle_warned_at = d.idle_warned_at, end_reason = d.end_reason
                from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[])
                     d(contact_id, state, handler, last_activity_at, idle_warned_at, end_reason)
                where c.contact_id = d.contact_id
                """, updated);
    }

    /** The rows of the batch's chats as they were before it, by their primary key. */
    private Map<String, Session> stored(Connection connection) throws SQLException {
        Map<String, Session> stored = new HashMap<>();
        Unnest.select(connection, """
                select contact_id, token_hash, citizen_name, topic, state, handler, started_at, last_activity_at,
                       idle_warned_at, end_reason
                from chat_session where contact_id = any(?::text[])
                """, chats.keySet(), rows -> {
            Session session = new Session();
            session.tokenHash = rows.getString(2);
            session.citizenName = rows.getString(3);
            session.topic = rows.getString(4);
            session.state = rows.getString(5);
            session.handler = rows.getString(6);
            session.startedAt = Unnest.instant(rows, "started_at");
            session.lastActivityAt = Unnest.instant(rows, "last_activity_at");
            session.idleWarnedAt = Unnest.instant(rows, "idle_warned_at");
            session.endReason = rows.getString(10);
            stored.put(rows.getString(1), session);
        });
        return stored;
    }

    private static String text(Instant at) {
        return Objects.toString(at, null);
    }
}
