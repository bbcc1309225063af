package uk.police.bluelamp.casework.casefile;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the case view, written at commit in at most seven statements whatever the
 * number of events (CaseViewBatchTest holds them beside the statements each event ran alone):
 * case_view as {@link CaseRows} keeps it; history, contacts and links are inserted once each, the
 * first of a key winning as {@code on conflict do nothing} has it; a delivery keeps its first
 * case and channel and its last attempt, as its upsert did.
 */
final class CaseViewChanges implements BatchedWrites.Changes {

    private final CaseRows cases = new CaseRows();
    private final Map<String, Object[]> history = new LinkedHashMap<>();
    private final Map<List<String>, Object[]> contacts = new LinkedHashMap<>();
    private final Map<List<String>, Object[]> links = new LinkedHashMap<>();
    private final Map<String, Object[]> deliveries = new LinkedHashMap<>();

    /** A case's row, made unless the case has one. */
    void opened(CaseRow row) {
        cases.opened(row);
    }

    /** A change to a case's row, if it has one by then. */
    void set(String reference, Consumer<CaseRow> change) {
        cases.change(reference, change);
    }

    void history(
            String eventId,
            String reference,
            Instant at,
            String type,
            String title,
            String detail,
            String actor,
            boolean isPublic) {
        history.putIfAbsent(eventId, new Object[] {
            eventId, reference, Unnest.micros(at), type, title, detail, actor, isPublic ? "PUBLIC" : "INTERNAL"
        });
    }

    void contact(String reference, String contactId, String channel, Instant at, String summary) {
        contacts.putIfAbsent(
                List.of(reference, contactId),
                new Object[] {reference, contactId, channel, Unnest.micros(at), summary});
    }

    void link(String reference, String linkedReference, String by, Instant at) {
        links.putIfAbsent(
                List.of(reference, linkedReference), new Object[] {reference, linkedReference, by, Unnest.micros(at)});
    }

    void delivery(
            String updateId,
            String reference,
            String channel,
            String status,
            int attempt,
            String notifyId,
            String error,
            Instant at) {
        Object[] first = deliveries.get(updateId);
        deliveries.put(updateId, new Object[] {
            updateId,
            first == null ? reference : first[1],
            first == null ? channel : first[2],
            status,
            attempt,
            notifyId,
            error,
            Unnest.micros(at)
        });
    }

    @Override
    public void write(Connection connection) throws SQLException {
        cases.write(connection);
        Unnest.execute(connection, """
                insert into case_history (event_id, reference, at, type, title, detail, actor, visibility)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[])
                on conflict do nothing
                """, history.values(), 8);
        Unnest.execute(connection, """
                insert into case_contact (reference, contact_id, channel, at, summary)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                on conflict (reference, contact_id) do nothing
                """, contacts.values(), 5);
        Unnest.execute(connection, """
                insert into case_link (reference, linked_reference, by_handler, at)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[])
                on conflict do nothing
                """, links.values(), 4);
        Unnest.execute(connection, """
                insert into case_delivery (update_id, reference, channel, status, attempts, notify_id, error, at)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::text[],
                                     ?::timestamptz[])
                on conflict (update_id) do update set status = excluded.status, attempts = excluded.attempts,
                    notify_id = excluded.notify_id, error = excluded.error, at = excluded.at
                """, deliveries.values(), 8);
    }
}
