package uk.police.bluelamp.contact.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * What the queue's set-based writes share: rows sent as one array per column, and the checks
 * PostgreSQL would make of each value, made in memory so that a value a later event of the
 * same batch overwrites is refused as it was when each event wrote its own row.
 */
final class Rows {

    private Rows() {}

    /** A select of the rows with these keys, each row handed on as it is read. */
    static void select(Connection connection, String sql, Collection<String> keys, RowReader reader)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, Unnest.array(connection, new ArrayList<>(keys)));
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

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
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
