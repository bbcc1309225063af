package uk.police.bluelamp.contact.contactview;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the contact view, written in at most five statements however many events
 * it holds, leaving exactly the rows each event's own statement left one at a time
 * (ContactViewBatchTest keeps those statements as its reference):
 * <ul>
 *   <li>a contact's detail, a transfer and a triage are inserted once and never changed: the
 *       batch keeps the first of each key, and "on conflict do nothing" any row already there;
 *   <li>a contact's call, call-back and closing details fold into one row, each column keeping
 *       the last value an event gave it: inserted whole where there was no row, and otherwise
 *       updated in the columns the batch's events set, and only those.
 * </ul>
 * Every value goes to PostgreSQL as an element of a text array, cast by the statement; moments
 * are rounded to the microsecond as the driver rounds a timestamp.
 */
final class ContactViewChanges implements BatchedWrites.Changes {

    // Where each event's columns start among contact_channel_detail's after its key, in the
    // statements' order: call_id, to_number, hangup_cause, callback_phone, callback_name,
    // window_start, window_end, last_attempt, last_attempt_note, linked_reference, outcome.
    private static final int CALL_ID = 0;
    private static final int HANGUP_CAUSE = 2;
    private static final int CALLBACK_PHONE = 3;
    private static final int LAST_ATTEMPT = 7;
    private static final int LINKED_REFERENCE = 9;
    private static final int OUTCOME = 10;
    private static final int CHANNEL_COLUMNS = 11;

    /** One contact's channel columns as the batch leaves them, and which of them it set (a bit each). */
    private static final class Channel {
        final Object[] values = new Object[CHANNEL_COLUMNS];
        int changed;
    }

    private final Map<String, Object[]> details = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Object[]> transfers = new LinkedHashMap<>();
    private final Map<String, Object[]> triages = new LinkedHashMap<>();

    /**
     * The contact_detail row of a report, in the insert's order. Read from the event by the
     * handler, before the batch takes it, so an event that cannot be read fails alone.
     */
    static Object[] detail(ContactReceived event) {
        var details = event.details();
        var reporter = event.reporter();
        var updates = event.requestedUpdates();
        return new Object[] {
            event.contactId(),
            event.caseReference(),
            event.channel().name(),
            details.category().name(),
            details.description(),
            details.location(),
            details.occurredOn().toString(),
            details.occurredTime(),
            reporter.name(),
            reporter.email(),
            reporter.phone(),
            updates == null ? null : updates.channel().name(),
            updates == null ? null : updates.frequency().name(),
            Unnest.micros(Objects.requireNonNull(event.receivedAt()))
        };
    }

    static Object[] transfer(String eventId, ContactTransferred event) {
        return new Object[] {
            eventId, event.contactId(), Unnest.micros(event.at()), event.fromHandler(), event.toHandler(), event.note()
        };
    }

    static Object[] triage(String eventId, ContactTriaged event) {
        Triage triage = event.triage();
        return new Object[] {
            eventId,
            event.contactId(),
            Unnest.micros(event.at()),
            event.by(),
            triage.grade().name(),
            triage.threat(),
            triage.harm(),
            triage.risk(),
            triage.investigation(),
            triage.vulnerability(),
            triage.engagement(),
            triage.rationale()
        };
    }

    void received(Object[] detail) {
        details.putIfAbsent((String) detail[0], detail);
    }

    void transferred(Object[] transfer) {
        transfers.putIfAbsent((String) transfer[0], transfer);
    }

    void triaged(Object[] triage) {
        triages.putIfAbsent((String) triage[0], triage);
    }

    void rang(String contactId, String callId, String to) {
        set(contactId, CALL_ID, callId, to);
    }

    void callEnded(String contactId, String cause) {
        set(contactId, HANGUP_CAUSE, cause);
    }

    void callbackRequested(String contactId, String phone, String name, Instant start, Instant end) {
        set(contactId, CALLBACK_PHONE, phone, name, Unnest.micros(start), Unnest.micros(end));
    }

    void callbackAttempted(String contactId, String outcome, String note) {
        set(contactId, LAST_ATTEMPT, outcome, note);
    }

    void linked(String contactId, String reference) {
        set(contactId, LINKED_REFERENCE, reference);
    }

    void closed(String contactId, String outcome) {
        set(contactId, OUTCOME, outcome);
    }

    private void set(String contactId, int first, Object... values) {
        Channel channel = channels.computeIfAbsent(contactId, id -> new Channel());
        for (int i = 0; i < values.length; i++) {
            channel.values[first + i] = values[i];
            channel.changed |= 1 << (first + i);
        }
    }

    @Override
    public void write(Connection connection) throws SQLException {
        Unnest.execute(connection, """
                insert into contact_detail (contact_id, reference, channel, category, description, location,
                                            occurred_on, occurred_time, name, email, phone,
                                            update_channel, update_frequency, received_at)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::date[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::timestamptz[])
                on conflict (contact_id) do nothing
                """, new ArrayList<>(details.values()));
        Unnest.execute(connection, """
                insert into contact_transfer (event_id, contact_id, at, from_handler, to_handler, note)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                on conflict (event_id) do nothing
                """, new ArrayList<>(transfers.values()));
        Unnest.execute(connection, """
                insert into contact_triage (event_id, contact_id, at, by_handler, grade, threat, harm, risk,
                                            investigation, vulnerability, engagement, rationale)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                on conflict (event_id) do nothing
                """, new ArrayList<>(triages.values()));
        if (!channels.isEmpty()) {
            updateChannels(connection, insertChannels(connection));
        }
    }

    /** Rows for the contacts that had none, holding all the batch set; returns those inserted. */
    private Set<String> insertChannels(Connection connection) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        channels.forEach((id, channel) -> {
            Object[] row = new Object[CHANNEL_COLUMNS + 1];
            row[0] = id;
            System.arraycopy(channel.values, 0, row, 1, CHANNEL_COLUMNS);
            rows.add(row);
        });
        return Unnest.inserted(connection, """
                insert into contact_channel_detail (contact_id, call_id, to_number, hangup_cause, callback_phone,
                                                    callback_name, window_start, window_end, last_attempt,
                                                    last_attempt_note, linked_reference, outcome)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])
                on conflict (contact_id) do nothing
                returning contact_id
                """, rows, CHANNEL_COLUMNS + 1);
    }

    /** The rows there before the batch: only the columns its events set change. */
    private void updateChannels(Connection connection, Set<String> inserted) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        channels.forEach((id, channel) -> {
            if (!inserted.contains(id)) {
                Object[] row = new Object[CHANNEL_COLUMNS + 2];
                row[0] = id;
                row[1] = channel.changed;
                System.arraycopy(channel.values, 0, row, 2, CHANNEL_COLUMNS);
                rows.add(row);
            }
        });
        Unnest.execute(connection, """
                update contact_channel_detail c set
                       call_id = case when d.changed & 1 = 0 then c.call_id else d.call_id end,
                       to_number = case when d.changed & 2 = 0 then c.to_number else d.to_number end,
                       hangup_cause = case when d.changed & 4 = 0 then c.hangup_cause else d.hangup_cause end,
                       callback_phone = case when d.changed & 8 = 0 then c.callback_phone else d.callback_phone end,
                       callback_name = case when d.changed & 16 = 0 then c.callback_name else d.callback_name end,
                       window_start = case when d.changed & 32 = 0 then c.window_start else d.window_start end,
                       window_end = case when d.changed & 64 = 0 then c.window_end else d.window_end end,
                       last_attempt = case when d.changed & 128 = 0 then c.last_attempt else d.last_attempt end,
                       last_attempt_note = case when d.changed & 256 = 0 then c.last_attempt_note
                                                else d.last_attempt_note end,
                       linked_reference = case when d.changed & 512 = 0 then c.linked_reference
                                               else d.linked_reference end,
                       outcome = case when d.changed & 1024 = 0 then c.outcome else d.outcome end
                from unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])
                     d(contact_id, changed, call_id, to_number, hangup_cause, callback_phone, callback_name,
                       window_start, window_end, last_attempt, last_attempt_note, linked_reference, outcome)
                where c.contact_id = d.contact_id
                """, rows);
    }
}
