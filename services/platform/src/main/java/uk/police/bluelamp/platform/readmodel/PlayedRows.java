package uk.police.bluelamp.platform.readmodel;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A batch's rows played over in memory: each row as stored before the batch (or none), its
 * events' steps applied in order as their statements applied them to the table, then sorted by
 * what it needs written: inserted (no row before), updated (a row whose values changed), or
 * nothing. For read models whose changes depend on the row they meet (queue, referral queue).
 */
public final class PlayedRows {

    /** What one event does to one row: null when there is no row. */
    public interface Step<R> {
        R apply(R row) throws SQLException;
    }

    private final List<Object[]> added = new ArrayList<>();
    private final List<Object[]> changed = new ArrayList<>();

    /** The steps over the stored row; {@code values} gives a row's columns, in the statements' order. */
    public <R> void play(List<? extends Step<R>> steps, R stored, Function<R, Object[]> values) throws SQLException {
        Object[] before = stored == null ? null : values.apply(stored);
        R row = stored;
        for (Step<R> step : steps) {
            row = step.apply(row);
        }
        if (row == null) {
            return;
        }
        Object[] after = values.apply(row);
        if (before == null) {
            added.add(after);
        } else if (!Arrays.equals(before, after)) {
            changed.add(after);
        }
    }

    /** The rows to insert: none was there before the batch. */
    public List<Object[]> added() {
        return added;
    }

    /** The rows to update: there before, with values the batch changed. */
    public List<Object[]> changed() {
        return changed;
    }
}
