package uk.police.bluelamp.contact.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.PlayedRows;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the queue, kept per contact in the order of its events and written in at
 * most six statements: the batch's rows that exist are read once, each contact's events are
 * played over its row in memory as their statements played them over the table (an update of
 * no row changes nothing, an arrival keeps the row there before it), and the rows then written
 * whole: new ones inserted, changed ones updated. QueueProjectionBatchTest holds this beside the
 * statements the projection ran one event at a time.
 * <p>
 * Only the contact's own events touch its rows, and the processor and a rebuild hand all of a
 * contact's events to one segment in order, so no other writer changes them between the read
 * and the write.
 */
final class QueueChanges implements BatchedWrites.Changes {

    /** What an update does to a row that is there. */
    interface Change<R> {
        void apply(R row);
    }

    /** The rows a contact's first event would insert, each made anew when the batch is played. */
    record Arrival(
            String contactId,
            String channel,
            Instant at,
            String summary,
            String reference,
            String fromNumber,
            String category,
            String language,
            String phone,
            String email,
            String nameKey) {

        QueueRow item() {
            QueueRow item = new QueueRow();
            item.contactId = contactId;
            item.channel = channel;
            item.state = "WAITING";
            item.queuedAt = Unnest.micros(at);
            item.firstQueuedAt = item.queuedAt;
            item.summary = summary;
            item.reference = reference;
            item.fromNumber = fromNumber;
            item.category = category;
            item.language = language;
            return item;
        }

        PartyRow party() {
            PartyRow party = new PartyRow();
            party.contactId = contactId;
            party.phone = phone;
            party.email = email;
            party.nameKey = nameKey;
            party.channel = channel;
            party.at = Unnest.micros(at);
            party.summary = summary;
            party.reference = reference;
            return party;
        }
    }

    private static final class Contact {
        final List<PlayedRows.Step<QueueRow>> item = new ArrayList<>();
        final List<PlayedRows.Step<PartyRow>> party = new ArrayList<>();
    }

    private final Map<String, Contact> contacts = new LinkedHashMap<>();

    /**
     * As "insert ... on conflict do nothing": the row there before stays, but the new values are
     * checked all the same, since PostgreSQL refuses them before it looks for a conflict.
     */
    void arrived(Arrival arrival) {
        Contact contact = contact(arrival.contactId());
        contact.item.add(row -> {
            QueueRow item = arrival.item();
            item.check();
            return row != null ? row : item;
        });
        contact.party.add(row -> {
            PartyRow party = arrival.party();
            party.check();
            return row != null ? row : party;
        });
    }

    void item(String contactId, Change<QueueRow> change) {
        contact(contactId).item.add(row -> {
            if (row != null) {
                change.apply(row);
                row.check();
            }
            return row;
        });
    }

    void party(String contactId, Change<PartyRow> change) {
        contact(contactId).party.add(row -> {
            if (row != null) {
                change.apply(row);
                row.check();
            }
            return row;
        });
    }

    private Contact contact(String contactId) {
        return contacts.computeIfAbsent(contactId, id -> new Contact());
    }

    @Override
    public void write(Connection connection) throws SQLException {
        Map<String, QueueRow> items = new HashMap<>();
        Unnest.select(connection, QueueRow.SELECT, contacts.keySet(), row -> {
            QueueRow item = QueueRow.read(row);
            items.put(item.contactId, item);
        });
        List<String> withParty = new ArrayList<>();
        contacts.forEach((id, contact) -> {
            if (!contact.party.isEmpty()) {
                withParty.add(id);
            }
        });
        Map<String, PartyRow> parties = new HashMap<>();
        Unnest.select(connection, PartyRow.SELECT, withParty, row -> {
            PartyRow party = PartyRow.read(row);
            parties.put(party.contactId, party);
        });
        PlayedRows newItems = new PlayedRows();
        PlayedRows newParties = new PlayedRows();
        for (Map.Entry<String, Contact> contact : contacts.entrySet()) {
            newItems.play(contact.getValue().item, items.get(contact.getKey()), QueueRow::values);
            newParties.play(contact.getValue().party, parties.get(contact.getKey()), PartyRow::values);
        }
        Unnest.execute(connection, QueueRow.INSERT, newItems.added());
        Unnest.execute(connection, QueueRow.UPDATE, newItems.changed());
        Unnest.execute(connection, PartyRow.INSERT, newParties.added());
        Unnest.execute(connection, PartyRow.UPDATE, newParties.changed());
    }
}
