package uk.police.bluelamp.casework.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * One case_view row in memory while a batch's changes to it are applied in event order: the row
 * as it was before the batch (or as the batch opened it), every column by its name.
 */
final class CaseRow {

    /** Every column of case_view and the type its array is cast to. */
    static final Map<String, String> COLUMNS =
            columns("reference text, status text, category text, opened_at timestamptz, assigned_to text, team text,"
                    + " enhanced_rights boolean, update_channel text, update_frequency text,"
                    + " next_update_due timestamptz, update_overdue boolean, key_decision_due timestamptz,"
                    + " key_decision_overdue boolean, crime_decided boolean, crime_recorded boolean,"
                    + " crime_number text, crime_reason text, crime_due timestamptz, crime_overdue boolean,"
                    + " name text, email text, phone text, postcode text, retention_review_due timestamptz,"
                    + " retention_state text, unsafe_to_contact boolean");

    private static final List<String> NAMES = List.copyOf(COLUMNS.keySet());
    /** The table's defaults, for the columns a newly opened case does not set. */
    private static final Map<String, Object> DEFAULTS = Map.of(
            "enhanced_rights", false,
            "update_overdue", false,
            "key_decision_overdue", false,
            "crime_decided", false,
            "crime_overdue", false,
            "unsafe_to_contact", false);

    private final Object[] values = new Object[NAMES.size()];

    /** A new row: the table's defaults, then the columns given. */
    static CaseRow opened() {
        CaseRow row = new CaseRow();
        DEFAULTS.forEach(row::set);
        return row;
    }

    static CaseRow read(ResultSet stored) throws SQLException {
        CaseRow row = new CaseRow();
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            row.values[i] = switch (COLUMNS.get(name)) {
                case "timestamptz" -> {
                    OffsetDateTime at = stored.getObject(name, OffsetDateTime.class);
                    yield at == null ? null : at.toInstant();
                }
                case "boolean" -> stored.getObject(name, Boolean.class);
                default -> stored.getString(name);
            };
        }
        return row;
    }

    /** A copy to change, leaving this one as its event made it, should the batch be written again. */
    CaseRow copy() {
        CaseRow copy = new CaseRow();
        System.arraycopy(values, 0, copy.values, 0, values.length);
        return copy;
    }

    /** Sets a column as {@code update case_view set column = value} would. */
    CaseRow set(String column, Object value) {
        values[index(column)] = value instanceof Instant at ? Unnest.micros(at) : value;
        return this;
    }

    Object get(String column) {
        return values[index(column)];
    }

    String reference() {
        return (String) get("reference");
    }

    /** The values in the order of {@link #COLUMNS}. */
    Object[] values() {
        return values.clone();
    }

    private static int index(String column) {
        int index = NAMES.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("case_view has no column " + column);
        }
        return index;
    }

    private static Map<String, String> columns(String declared) {
        return List.of(declared.split(",")).stream()
                .map(String::trim)
                .map(column -> column.split(" "))
                .collect(Collectors.toMap(c -> c[0], c -> c[1], (a, b) -> a, LinkedHashMap::new));
    }
}
