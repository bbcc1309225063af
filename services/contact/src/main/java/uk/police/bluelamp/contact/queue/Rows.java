package uk.police.bluelamp.contact.queue;

import java.sql.SQLException;

/**
 * What the queue's set-based writes share: rows sent as one array per column, and the checks
 * PostgreSQL would make of each value, made in memory so that a value a later event of the
 * same batch overwrites is refused as it was when each event wrote its own row.
 */
final class Rows {

    private Rows() {}

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
