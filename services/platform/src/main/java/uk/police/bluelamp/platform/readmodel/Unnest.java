package uk.police.bluelamp.platform.readmodel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A batch's rows handed to one statement as a column of values each, which the statement unnests
 * and casts, so what a batch costs in round trips does not grow with its rows
 * ({@link BatchedWrites}). Values travel as text in bound arrays,
 * never in the SQL; moments are rounded to the microsecond first, as the driver rounds a bound
 * timestamp, so what a batch compares in memory is what a statement per event compared in the
 * database.
 */
public final class Unnest {

    private Unnest() {}

    /** {@link #execute(Connection, String, Collection, int)} for rows of one length. */
    public static void execute(Connection connection, String sql, List<? extends Object[]> rows) throws SQLException {
        if (!rows.isEmpty()) {
            execute(connection, sql, rows, rows.get(0).length);
        }
    }

    /** One statement whose parameters are the columns of the rows; nothing is run for no rows. */
    public static void execute(Connection connection, String sql, Collection<? extends Object[]> rows, int columns)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepare(connection, sql, rows, columns)) {
            statement.executeUpdate();
        }
    }

    public static PreparedStatement prepare(
            Connection connection, String sql, Collection<? extends Object[]> rows, int columns) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int column = 0; column < columns; column++) {
                List<Object> values = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    values.add(row[column]);
                }
                statement.setArray(column + 1, array(connection, values));
            }
            return statement;
        } catch (SQLException | RuntimeException failed) {
            statement.close();
            throw failed;
        }
    }

    /** As text, which the statement casts: instants in ISO form, exact to the microsecond. */
    public static Array array(Connection connection, Collection<?> values) throws SQLException {
        String[] text = new String[values.size()];
        int i = 0;
        for (Object value : values) {
            text[i++] = value == null ? null : value.toString();
        }
        return connection.createArrayOf("text", text);
    }

    /** A row of a keyed select, handed on as it is read. */
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** The rows a batch's keys pick out, its statement's one parameter being the keys; nothing for none. */
    public static void select(Connection connection, String sql, Collection<String> keys, RowReader reader)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, array(connection, keys));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    /** A timestamptz column as an instant; null stays null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /**
     * An insert of the rows that says, through its {@code returning} first column, which it made:
     * a batch inserts the keys it opens and updates only those that were there before it.
     */
    public static Set<String> inserted(
            Connection connection, String sql, Collection<? extends Object[]> rows, int columns) throws SQLException {
        Set<String> made = new HashSet<>();
        if (rows.isEmpty()) {
            return made;
        }
        try (PreparedStatement statement = prepare(connection, sql, rows, columns);
                ResultSet done = statement.executeQuery()) {
            while (done.next()) {
                made.add(done.getString(1));
            }
        }
        return made;
    }

    /**
     * The values as one PostgreSQL array literal, for a row's array column: a statement casts it
     * ({@code ?::text[]}) where an array of arrays would not unnest by row. Bound, never in the SQL.
     */
    public static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    /** Half up to the microsecond, as PostgreSQL's driver sends a timestamp. */
    public static Instant micros(Instant at) {
        if (at == null) {
            return null;
        }
        int below = at.getNano() % 1_000;
        Instant truncated = at.minusNanos(below);
        return below >= 500 ? truncated.plusNanos(1_000) : truncated;
    }
}
