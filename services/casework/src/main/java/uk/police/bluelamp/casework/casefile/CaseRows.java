package uk.police.bluelamp.casework.casefile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to case_view, kept per case in event order and applied at commit to the
 * rows as they were before the batch, read in one statement: an opening makes the row only if
 * there is none (as {@code on conflict do nothing}), a change applies only to a row there is by
 * then (as an update of no row). The batch's new rows are then inserted, and the rows there
 * before that changed are written back whole, one statement each.
 */
final class CaseRows {

    private static final String NAMES = String.join(", ", CaseRow.COLUMNS.keySet());
    private static final String ARRAYS =
            CaseRow.COLUMNS.values().stream().map(type -> "?::" + type + "[]").collect(Collectors.joining(", "));
    private static final String INSERT = "insert into case_view (" + NAMES + ") select * from unnest(" + ARRAYS
            + ") on conflict (reference) do nothing";
    private static final String UPDATE = "update case_view v set "
            + CaseRow.COLUMNS.keySet().stream()
                    .filter(name -> !name.equals("reference"))
                    .map(name -> name + " = d." + name)
                    .collect(Collectors.joining(", "))
            + " from unnest(" + ARRAYS + ") d(" + NAMES + ") where v.reference = d.reference";

    /** An opening carries its new row; a change, what it sets. */
    private record Step(CaseRow opened, Consumer<CaseRow> change) {}

    private final Map<String, List<Step>> steps = new LinkedHashMap<>();

    void opened(CaseRow row) {
        steps.computeIfAbsent(row.reference(), r -> new ArrayList<>()).add(new Step(row, null));
    }

    void change(String reference, Consumer<CaseRow> change) {
        steps.computeIfAbsent(reference, r -> new ArrayList<>()).add(new Step(null, change));
    }

    void write(Connection connection) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        Map<String, CaseRow> stored = stored(connection);
        List<Object[]> inserted = new ArrayList<>();
        List<Object[]> updated = new ArrayList<>();
        steps.forEach((reference, ofCase) -> {
            CaseRow before = stored.get(reference);
            CaseRow row = before;
            boolean changed = false;
            for (Step step : ofCase) {
                if (step.opened() != null) {
                    row = row != null ? row : step.opened().copy();
                } else if (row != null) {
                    step.change().accept(row);
                    changed = true;
                }
            }
            if (row != null && before == null) {
                inserted.add(row.values());
            } else if (changed) {
                updated.add(row.values());
            }
        });
        Unnest.execute(connection, INSERT, inserted, CaseRow.COLUMNS.size());
        Unnest.execute(connection, UPDATE, updated, CaseRow.COLUMNS.size());
    }

    private Map<String, CaseRow> stored(Connection connection) throws SQLException {
        Map<String, CaseRow> rows = new LinkedHashMap<>();
        Unnest.select(connection, "select * from case_view where reference = any(?::text[])", steps.keySet(), found -> {
            CaseRow row = CaseRow.read(found);
            rows.put(row.reference(), row);
        });
        return rows;
    }
}
