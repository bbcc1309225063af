package uk.police.bluelamp.casework.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the ledger, kept as the steps its events take, in their order, and played
 * at commit against what the batch's cases hold (their rows in {@code victims_code_case} and their
 * open obligations, read in two statements): the steps decide and settle as each event's own
 * statements did, and what they leave is written in four more. A step that finds no row changes
 * nothing, as an update of no row did; an obligation whose id is already stored (a redelivered
 * event) is not added again, as "on conflict do nothing" left it. LedgerBatchTest holds this
 * beside those statements.
 */
final class LedgerChanges implements BatchedWrites.Changes {

    private static final class Case {
        String channel;
        String frequency;
        boolean finished;
        final boolean stored;
        boolean changed;

        Case(String channel, String frequency, boolean finished, boolean stored) {
            this.channel = channel;
            this.frequency = frequency;
            this.finished = finished;
            this.stored = stored;
        }
    }

    private static final class Obligation {
        final String id;
        final String reference;
        final String right;
        final Instant aroseAt;
        final Instant dueAt;
        Instant metAt;
        Instant endedAt;
        final boolean stored;
        boolean changed;

        Obligation(String id, String reference, String right, Instant aroseAt, Instant dueAt, boolean stored) {
            this.id = id;
            this.reference = reference;
            this.right = right;
            this.aroseAt = aroseAt;
            this.dueAt = dueAt;
            this.stored = stored;
        }
    }

    /** What the batch's cases hold while its steps play. */
    private static final class Cases {
        final Map<String, Case> cases = new HashMap<>();
        final Map<String, List<Obligation>> open = new HashMap<>();
        final Map<String, Obligation> added = new LinkedHashMap<>();
        final Set<String> storedIds = new HashSet<>();
    }

    private final Set<String> references = new LinkedHashSet<>();
    private final List<Consumer<Cases>> steps = new ArrayList<>();

    void opened(String reference, String channel, String frequency) {
        step(
                reference,
                state -> state.cases.computeIfAbsent(reference, r -> new Case(channel, frequency, false, false)));
    }

    void arise(String id, String reference, VictimsCodeRight right, Instant at, Instant due) {
        Instant aroseAt = Unnest.micros(at);
        Instant dueAt = Unnest.micros(due);
        step(reference, state -> arise(state, id, reference, right.name(), aroseAt, dueAt));
    }

    /** Arises only while the case is not finished (a case with no row is not). */
    void ariseUnlessFinished(String id, String reference, VictimsCodeRight right, Instant at, Instant due) {
        Instant aroseAt = Unnest.micros(at);
        Instant dueAt = Unnest.micros(due);
        step(reference, state -> {
            Case c = state.cases.get(reference);
            if (c == null || !c.finished) {
                arise(state, id, reference, right.name(), aroseAt, dueAt);
            }
        });
    }

    /**
     * Meets (or ends) what is still open and arose by then; the row this same event made is left
     * alone, so a redelivered event changes nothing.
     */
    void settle(boolean met, String reference, VictimsCodeRight right, Instant at, String eventId) {
        Instant settledAt = Unnest.micros(at);
        step(reference, state -> {
            for (Obligation o : state.open.getOrDefault(reference, List.of())) {
                if (o.right.equals(right.name())
                        && o.metAt == null
                        && o.endedAt == null
                        && !o.aroseAt.isAfter(settledAt)
                        && !o.id.equals(eventId)) {
                    if (met) {
                        o.metAt = settledAt;
                    } else {
                        o.endedAt = settledAt;
                    }
                    o.changed = true;
                }
            }
        });
    }

    void preference(String reference, String channel, String frequency) {
        change(reference, c -> {
            c.channel = channel;
            c.frequency = frequency;
        });
    }

    void finished(String reference, boolean finished) {
        change(reference, c -> c.finished = finished);
    }

    /** The regular update owed again, due as the case works it out under the choice it holds. */
    void reopened(String id, String reference, Instant at) {
        finished(reference, false);
        Instant aroseAt = Unnest.micros(at);
        step(reference, state -> {
            Case c = state.cases.get(reference);
            if (c != null) {
                UpdatePreference chosen =
                        new UpdatePreference(UpdateChannel.valueOf(c.channel), UpdateFrequency.valueOf(c.frequency));
                arise(
                        state,
                        id,
                        reference,
                        VictimsCodeRight.UPDATES.name(),
                        aroseAt,
                        Unnest.micros(chosen.nextUpdateDue(at)));
            }
        });
    }

    private void change(String reference, Consumer<Case> change) {
        step(reference, state -> {
            Case c = state.cases.get(reference);
            if (c != null) {
                change.accept(c);
                c.changed = true;
            }
        });
    }

    private void step(String reference, Consumer<Cases> step) {
        references.add(reference);
        steps.add(step);
    }

    private static void arise(Cases state, String id, String reference, String right, Instant at, Instant due) {
        if (state.storedIds.contains(id) || state.added.containsKey(id)) {
            return;
        }
        Obligation o = new Obligation(id, reference, right, at, due, false);
        state.added.put(id, o);
        state.open.computeIfAbsent(reference, r -> new ArrayList<>()).add(o);
    }

    @Override
    public void write(Connection connection) throws SQLException {
        Cases state = stored(connection);
        steps.forEach(step -> step.accept(state));
        writeCases(connection, state);
        writeObligations(connection, state);
    }

    /** The batch's cases as stored, and their open obligations (by victims_code_ledger_reference). */
    private Cases stored(Connection connection) throws SQLException {
        Cases state = new Cases();
        Unnest.select(
                connection,
                """
                select reference, update_channel, update_frequency, finished from victims_code_case
                where reference = any(?::text[])
                """,
                references,
                rows -> state.cases.put(
                        rows.getString(1), new Case(rows.getString(2), rows.getString(3), rows.getBoolean(4), true)));
        Unnest.select(connection, """
                select obligation_id, reference, code_right, arose_at from victims_code_ledger
                where reference = any(?::text[]) and met_at is null and ended_at is null
                """, references, rows -> {
            Obligation o = new Obligation(
                    rows.getString(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getObject(4, OffsetDateTime.class).toInstant(),
                    null,
                    true);
            state.storedIds.add(o.id);
            state.open.computeIfAbsent(o.reference, r -> new ArrayList<>()).add(o);
        });
        return state;
    }

    private static void writeCases(Connection connection, Cases state) throws SQLException {
        List<Object[]> added = new ArrayList<>();
        List<Object[]> changed = new ArrayList<>();
        state.cases.forEach((reference, c) -> {
            Object[] row = {reference, c.channel, c.frequency, c.finished};
            if (!c.stored) {
                added.add(row);
            } else if (c.changed) {
                changed.add(row);
            }
        });
        Unnest.execute(connection, """
                insert into victims_code_case (reference, update_channel, update_frequency, finished)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::boolean[])
                on conflict (reference) do nothing
                """, added, 4);
        Unnest.execute(connection, """
                update victims_code_case c set update_channel = d.update_channel,
                       update_frequency = d.update_frequency, finished = d.finished
                from unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) d(reference, update_channel,
                            update_frequency, finished)
                where c.reference = d.reference
                """, changed, 4);
    }

    /** Settled stored rows, then the batch's own (one whose id turns out stored after all stays as it was). */
    private static void writeObligations(Connection connection, Cases state) throws SQLException {
        List<Object[]> settled = new ArrayList<>();
        state.open
                .values()
                .forEach(obligations -> obligations.forEach(o -> {
                    if (o.stored && o.changed) {
                        settled.add(new Object[] {o.id, o.metAt, o.endedAt});
                    }
                }));
        Unnest.execute(connection, """
                update victims_code_ledger l set met_at = d.met_at, ended_at = d.ended_at
                from unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) d(obligation_id, met_at, ended_at)
                where l.obligation_id = d.obligation_id
                """, settled, 3);
        List<Object[]> added = new ArrayList<>();
        state.added
                .values()
                .forEach(o ->
                        added.add(new Object[] {o.id, o.reference, o.right, o.aroseAt, o.dueAt, o.metAt, o.endedAt}));
        Unnest.execute(connection, """
                insert into victims_code_ledger (obligation_id, reference, code_right, arose_at, due_at, met_at,
                                                 ended_at)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                                     ?::timestamptz[], ?::timestamptz[])
                on conflict (obligation_id) do nothing
                """, added, 7);
    }
}
