package uk.police.bluelamp.resourcing.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the facts, gathered per contact and per handler and written in a few
 * set-based statements, leaving exactly the rows the events' own statements would have left
 * one at a time (ContactCentreFactsBatchTest holds the two side by side):
 * <ul>
 *   <li>a contact's changes fold into one: each moment keeps its first value, as
 *       {@code coalesce(column, :at)} does, and an answer after the hangup clears the abandonment
 *       before it; they apply to a row that was there before the batch, and only those after
 *       its offer to the row the batch inserts (a change to no row changes nothing);
 *   <li>a handler's spans are worked out from the rows they can touch (the open spans, and any
 *       that start at one of the batch's moments), read once;
 *   <li>the contacts the batch offers are inserted first, and only rows there before the batch
 *       are updated, so a contact whose life fits in one batch is written once.
 * </ul>
 * Moments are rounded to the microsecond as the driver rounds a timestamp, so both ways compare
 * and store the same values.
 */
final class FactChanges implements BatchedWrites.Changes {

    /** The first value of each moment since the start (or since the answer that cleared the abandonment). */
    private static final class Fold {
        Instant answeredAt;
        String answeredBy;
        Instant abandonedAt;
        boolean abandonmentCleared;
        Instant endedAt;
        Instant closedAt;
        boolean any;
    }

    private static final class Contact {
        String channel;
        Instant offeredAt;
        final Fold all = new Fold();
        final Fold sinceOffer = new Fold();
    }

    private record Availability(String status, Instant at) {}

    private static final class Span {
        String status;
        Instant to;
        final boolean stored;
        boolean changed;

        Span(String status, Instant to, boolean stored) {
            this.status = status;
            this.to = to;
            this.stored = stored;
        }
    }

    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, List<Availability>> handlers = new LinkedHashMap<>();

    void offered(String contactId, String channel, Instant at) {
        Contact contact = contacts.computeIfAbsent(contactId, id -> new Contact());
        if (contact.channel == null) {
            contact.channel = channel;
            contact.offeredAt = Unnest.micros(at);
        }
    }

    void answered(String contactId, Instant at, String by, boolean clearsAbandonment) {
        change(contactId, fold -> {
            fold.answeredAt = first(fold.answeredAt, at);
            fold.answeredBy = fold.answeredBy != null ? fold.answeredBy : by;
            if (clearsAbandonment) {
                fold.abandonedAt = null;
                fold.abandonmentCleared = true;
            }
        });
    }

    void abandoned(String contactId, Instant at) {
        change(contactId, fold -> {
            fold.abandonedAt = first(fold.abandonedAt, at);
            fold.endedAt = first(fold.endedAt, at);
        });
    }

    void ended(String contactId, Instant at) {
        change(contactId, fold -> fold.endedAt = first(fold.endedAt, at));
    }

    void closed(String contactId, Instant at) {
        change(contactId, fold -> fold.closedAt = first(fold.closedAt, at));
    }

    void availability(String handler, String status, Instant at) {
        handlers.computeIfAbsent(handler, h -> new ArrayList<>()).add(new Availability(status, Unnest.micros(at)));
    }

    private void change(String contactId, Consumer<Fold> change) {
        Contact contact = contacts.computeIfAbsent(contactId, id -> new Contact());
        change.accept(contact.all);
        contact.all.any = true;
        if (contact.channel != null) {
            change.accept(contact.sinceOffer);
        }
    }

    @Override
    public void write(Connection connection) throws SQLException {
        Set<String> inserted = insertContacts(connection);
        updateContacts(connection, inserted);
        if (!handlers.isEmpty()) {
            writeSpans(connection);
        }
    }

    /**
     * The rows there before the batch: not those it has just inserted, which already hold their
     * changes since the offer. Most contacts begin and end within one batch, so this touches only
     * the few whose life spans two.
     */
    private void updateContacts(Connection connection, Set<String> inserted) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        contacts.forEach((id, contact) -> {
            Fold f = contact.all;
            if (f.any && !inserted.contains(id)) {
                rows.add(new Object[] {
                    id, f.answeredAt, f.answeredBy, f.abandonedAt, f.abandonmentCleared, f.endedAt, f.closedAt
                });
            }
        });
        Unnest.execute(connection, """
                update contact_fact f set answered_at = coalesce(f.answered_at, d.answered_at),
                       answered_by = coalesce(f.answered_by, d.answered_by),
                       abandoned_at = case when d.cleared then d.abandoned_at
                                           else coalesce(f.abandoned_at, d.abandoned_at) end,
                       ended_at = coalesce(f.ended_at, d.ended_at), closed_at = coalesce(f.closed_at, d.closed_at)
                from unnest(?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::boolean[], ?::timestamptz[],
                            ?::timestamptz[]) d(contact_id, answered_at, answered_by, abandoned_at, cleared, ended_at,
                            closed_at)
                where f.contact_id = d.contact_id
                """, rows, 7);
    }

    /** The contacts the batch offers, as new rows; returns those inserted (not there before). */
    private Set<String> insertContacts(Connection connection) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        contacts.forEach((id, contact) -> {
            Fold f = contact.sinceOffer;
            if (contact.channel != null) {
                rows.add(new Object[] {
                    id,
                    contact.channel,
                    contact.offeredAt,
                    f.answeredAt,
                    f.answeredBy,
                    f.abandonedAt,
                    f.endedAt,
                    f.closedAt
                });
            }
        });
        return Unnest.inserted(connection, """
                insert into contact_fact (contact_id, channel, offered_at, answered_at, answered_by, abandoned_at,
                                          ended_at, closed_at)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[],
                                     ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
                on conflict (contact_id) do nothing
                returning contact_id
                """, rows, 8);
    }

    /**
     * Each change of availability closes the handler's open spans that started by then and opens
     * one (or, where a span starts at that very moment, gives it the new status).
     */
    private void writeSpans(Connection connection) throws SQLException {
        Map<String, TreeMap<Instant, Span>> spans = storedSpans(connection);
        List<Object[]> changed = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        handlers.forEach((handler, changes) -> {
            TreeMap<Instant, Span> own = spans.computeIfAbsent(handler, h -> new TreeMap<>());
            for (Availability change : changes) {
                for (Span open : own.headMap(change.at(), true).values()) {
                    if (open.to == null) {
                        open.to = change.at();
                        open.changed = true;
                    }
                }
                Span same = own.get(change.at());
                if (same != null) {
                    same.status = change.status();
                    same.changed = true;
                } else {
                    own.put(change.at(), new Span(change.status(), null, false));
                }
            }
            own.forEach((from, span) -> {
                if (!span.stored) {
                    added.add(new Object[] {handler, span.status, from, span.to});
                } else if (span.changed) {
                    changed.add(new Object[] {handler, from, span.status, span.to});
                }
            });
        });
        Unnest.execute(connection, """
                update handler_span s set status = d.status, to_at = d.to_at
                from unnest(?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[]) d(handler, from_at, status, to_at)
                where s.handler = d.handler and s.from_at = d.from_at
                """, changed, 4);
        Unnest.execute(connection, """
                insert into handler_span (handler, status, from_at, to_at)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
                """, added, 4);
    }

    /**
     * The spans the batch's changes can touch: the handlers' open ones, and any starting at one of
     * their moments, found among those starting at or after each handler's earliest moment in the
     * batch (the same rows and perhaps a few closed ones, which no change touches). Moments mostly
     * come in order, so that is one short range per handler rather than a lookup per moment.
     */
    private Map<String, TreeMap<Instant, Span>> storedSpans(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        List<Object> earliest = new ArrayList<>();
        handlers.forEach((handler, changes) -> {
            names.add(handler);
            earliest.add(changes.stream()
                    .map(Availability::at)
                    .min(Instant::compareTo)
                    .orElseThrow());
        });
        Map<String, TreeMap<Instant, Span>> spans = new LinkedHashMap<>();
        // The open spans by their own index (V60); the rest by a range of the key, one per handler:
        // "offset 0" keeps PostgreSQL from turning the ranges into a join that reads every span
        // (it guesses a third of the table matches; 33 ms a batch at 187,000 spans, 1 ms with it).
        try (PreparedStatement select = connection.prepareStatement("""
                select handler, from_at, status, to_at from handler_span
                where handler = any(?::text[]) and to_at is null
                union
                select s.handler, s.from_at, s.status, s.to_at from unnest(?::text[], ?::timestamptz[]) m(handler, since)
                cross join lateral (select * from handler_span s where s.handler = m.handler and s.from_at >= m.since
                                    offset 0) s
                """)) {
            select.setArray(1, Unnest.array(connection, names));
            select.setArray(2, Unnest.array(connection, names));
            select.setArray(3, Unnest.array(connection, earliest));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime to = rows.getObject(4, OffsetDateTime.class);
                    spans.computeIfAbsent(rows.getString(1), h -> new TreeMap<>())
                            .put(
                                    rows.getObject(2, OffsetDateTime.class).toInstant(),
                                    new Span(rows.getString(3), to == null ? null : to.toInstant(), true));
                }
            }
        }
        return spans;
    }

    private static Instant first(Instant kept, Instant at) {
        return kept != null ? kept : Unnest.micros(at);
    }
}
