package uk.police.bluelamp.contact.queue;

import static uk.police.bluelamp.contact.queue.Rows.fit;
import static uk.police.bluelamp.contact.queue.Rows.required;
import static uk.police.bluelamp.platform.readmodel.Unnest.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One contact_party row in memory, as a batch of events leaves it (QueueChanges). */
final class PartyRow {

    static final String SELECT = """
            select contact_id, phone, email, name_key, channel, at, summary, reference
            from contact_party where contact_id = any(?::text[])
            """;

    static final String INSERT = """
            insert into contact_party (contact_id, phone, email, name_key, channel, at, summary, reference)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                                 ?::text[])
            """;

    static final String UPDATE = """
            update contact_party p set phone = d.phone, email = d.email, name_key = d.name_key, channel = d.channel,
                   at = d.at, summary = d.summary, reference = d.reference
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                 d(contact_id, phone, email, name_key, channel, at, summary, reference)
            where p.contact_id = d.contact_id
            """;

    String contactId;
    String phone;
    String email;
    String nameKey;
    String channel;
    Instant at;
    String summary;
    String reference;

    /** The columns in the order of SELECT, INSERT and UPDATE. */
    Object[] values() {
        return new Object[] {contactId, phone, email, nameKey, channel, at, summary, reference};
    }

    static PartyRow read(ResultSet row) throws SQLException {
        PartyRow party = new PartyRow();
        party.contactId = row.getString("contact_id");
        party.phone = row.getString("phone");
        party.email = row.getString("email");
        party.nameKey = row.getString("name_key");
        party.channel = row.getString("channel");
        party.at = instant(row, "at");
        party.summary = row.getString("summary");
        party.reference = row.getString("reference");
        return party;
    }

    /** Refuses what the table refuses (V4, V25), and cuts what it cuts. */
    void check() throws SQLException {
        contactId = required(fit(contactId, 64));
        phone = fit(phone, 40);
        email = fit(email, 0);
        nameKey = fit(nameKey, 0);
        channel = required(fit(channel, 20));
        required(at);
        summary = required(fit(summary, 200));
        reference = fit(reference, 20);
    }
}
