package uk.police.bluelamp.casework.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import uk.police.bluelamp.casework.tracking.PublicTimeline.Entry;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the tracking view, gathered per case and written in at most four
 * statements, leaving the rows the events' own statements left one at a time
 * (TrackingBatchTest holds the two side by side):
 * <ul>
 *   <li>a case's changes fold into its last status, due time and preference; they apply to a row
 *       that was there before the batch, and only those after its opening to the row the batch
 *       inserts (a change to no row changes nothing);
 *   <li>live, a timeline entry needs its case's row (a foreign key): those from before their case
 *       was opened in the batch are written before the batch's cases, so an entry of a case never
 *       opened fails its batch, as it failed its event, and that event alone is then parked. A
 *       rebuild's copies have no foreign keys: there such entries are written, and the changes
 *       before the opening left out, as they were.
 * </ul>
 */
final class TrackingChanges implements BatchedWrites.Changes {

    /** The last value of each column since the start (or since the case's opening); null: unchanged. */
    private static final class Fold {
        String status;
        Instant nextUpdateDue;
        String updateChannel;
        String updateFrequency;
        boolean any;
    }

    private record Opened(
            String category,
            String channel,
            Instant reportedAt,
            Instant nextUpdateDue,
            String updateChannel,
            String updateFrequency,
            String trackingCodeHash) {}

    private static final class Case {
        Opened opened;
        final Fold all = new Fold();
        final Fold sinceOpened = new Fold();
    }

    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final Map<String, Object[]> entriesBeforeOpening = new LinkedHashMap<>();
    private final Map<String, Object[]> entriesAfterOpening = new LinkedHashMap<>();

    void opened(
            String reference,
            String category,
            String channel,
            Instant reportedAt,
            Instant nextUpdateDue,
            String updateChannel,
            String updateFrequency,
            String trackingCodeHash) {
        Case c = cases.computeIfAbsent(reference, r -> new Case());
        if (c.opened == null) {
            c.opened = new Opened(
                    category,
                    channel,
                    Unnest.micros(reportedAt),
                    Unnest.micros(nextUpdateDue),
                    updateChannel,
                    updateFrequency,
                    trackingCodeHash);
        }
    }

    void status(String reference, String status) {
        change(reference, fold -> fold.status = status);
    }

    void nextUpdateDue(String reference, Instant due) {
        change(reference, fold -> fold.nextUpdateDue = Unnest.micros(due));
    }

    void preference(String reference, String channel, String frequency, Instant due) {
        change(reference, fold -> {
            fold.updateChannel = channel;
            fold.updateFrequency = frequency;
            fold.nextUpdateDue = Unnest.micros(due);
        });
    }

    void entry(String eventId, String reference, Entry entry) {
        Case c = cases.get(reference);
        Map<String, Object[]> entries = c != null && c.opened != null ? entriesAfterOpening : entriesBeforeOpening;
        entries.putIfAbsent(eventId, new Object[] {
            eventId,
            reference,
            Unnest.micros(entry.at()),
            entry.title(),
            entry.detail(),
            entry.kind().name(),
            Unnest.arrayLiteral(entry.args())
        });
    }

    private void change(String reference, Consumer<Fold> change) {
        Case c = cases.computeIfAbsent(reference, r -> new Case());
        change.accept(c.all);
        c.all.any = true;
        if (c.opened != null) {
            change.accept(c.sinceOpened);
            c.sinceOpened.any = true;
        }
    }

    @Override
    public void write(Connection connection) throws SQLException {
        insertEntries(connection, entriesBeforeOpening);
        Set<String> inserted = insertCases(connection);
        updateCases(connection, inserted);
        insertEntries(connection, entriesAfterOpening);
    }

    /** The cases the batch opens, with their changes since; returns those inserted (not there before). */
    private Set<String> insertCases(Connection connection) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        cases.forEach((reference, c) -> {
            Opened o = c.opened;
            Fold f = c.sinceOpened;
            if (o != null) {
                rows.add(new Object[] {
                    reference,
                    f.status != null ? f.status : "RECEIVED",
                    o.category(),
                    o.channel(),
                    o.reportedAt(),
                    f.nextUpdateDue != null ? f.nextUpdateDue : o.nextUpdateDue(),
                    f.updateChannel != null ? f.updateChannel : o.updateChannel(),
                    f.updateFrequency != null ? f.updateFrequency : o.updateFrequency(),
                    o.trackingCodeHash()
                });
            }
        });
        return Unnest.inserted(connection, """
                insert into case_tracking (reference, status, category, channel, reported_at, next_update_due,
                                           update_channel, update_frequency, tracking_code_hash)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                                     ?::text[], ?::text[], ?::text[])
                on conflict (reference) do nothing
                returning reference
                """, rows, 9);
    }

    /** The rows there before the batch, not those it has just inserted with their changes. */
    private void updateCases(Connection connection, Set<String> inserted) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        cases.forEach((reference, c) -> {
            Fold f = c.all;
            if (f.any && !inserted.contains(reference)) {
                rows.add(new Object[] {reference, f.status, f.nextUpdateDue, f.updateChannel, f.updateFrequency});
            }
        });
        Unnest.execute(connection, """
                update case_tracking t set status = coalesce(d.status, t.status),
                       next_update_due = coalesce(d.next_update_due, t.next_update_due),
                       update_channel = coalesce(d.update_channel, t.update_channel),
                       update_frequency = coalesce(d.update_frequency, t.update_frequency)
                from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                     d(reference, status, next_update_due, update_channel, update_frequency)
                where t.reference = d.reference
                """, rows, 5);
    }

    /** The words' values go as an array literal each, as an array of arrays cannot be unnested by row. */
    private static void insertEntries(Connection connection, Map<String, Object[]> entries) throws SQLException {
        Unnest.execute(connection, """
                insert into case_timeline (event_id, reference, at, title, detail, kind, args)
                select d.event_id, d.reference, d.at, d.title, d.detail, d.kind, d.args::text[]
                from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])
                     d(event_id, reference, at, title, detail, kind, args)
                on conflict do nothing
                """, new ArrayList<>(entries.values()), 7);
    }
}
