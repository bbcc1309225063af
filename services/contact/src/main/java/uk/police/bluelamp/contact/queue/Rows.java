package uk.police.bluelamp.contact.queue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the queue's set-based writes share: rows sent as one array per column, and the checks
 * PostgreSQL would make of each value, made in memory so that a value a later event of the
 * same batch overwrites is refused as it was when each event wrote its own row.
 */
final class Rows {

    private Rows() {}

    /** One statement whose parameters are the columns of the rows, each as an array of text. */
    static void execute(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int columns = rows.get(0).length;
            for (int column = 0; column < columns; column++) {
                List<Object> values = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    values.add(row[column]);
                }
                statement.setArray(column + 1, array(connection, values));
            }
            statement.executeUpdate();
        }
    }

    /** A select of the rows with these keys, each row handed on as it is read. */
    static void select(Connection connection, String sql, Collection<String> keys, RowReader reader)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, array(connection, new ArrayList<>(keys)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** As text, which each statement casts: instants in ISO form, exact to the microsecond. */
    private static Array array(Connection connection, List<?> values) throws SQLException {
        String[] text = new String[values.size()];
        for (int i = 0; i < text.length; i++) {
            Object value = values.get(i);
            text[i] = value == null ? null : value.toString();
        }
        return connection.createArrayOf("text", text);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Half up to the microsecond, as PostgreSQL's driver sends a timestamp. */
    static Instant micros(Instant at) {
        if (at == null) {
            return null;
        }
        int below = at.getNano() % 1_000;
        Instant truncated = at.minusNanos(below);
        return below >= 500 ? truncated.plusNanos(1_000) : truncated;
    }

    /**
     * The value as a varchar(length) column keeps it: PostgreSQL cuts spaces beyond the length
     * and refuses anything else beyond it, and refuses NUL in any text.
     */
    static String fit(String value, int length) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        }
        if (length <= 0 || value.codePointCount(0, value.length()) <= length) {
            return value;
        }
        int end = value.offsetByCodePoints(0, length);
        if (!value.substring(end).chars().allMatch(c -> c == ' ')) {
            throw new SQLException("value too long for type character varying(" + length + ")", "22001");
        }
        return value.substring(0, end);
    }

    static <T> T required(T value) throws SQLException {
        if (value == null) {
            throw new SQLException("null value violates not-null constraint", "23502");
        }
        return value;
    }
}
