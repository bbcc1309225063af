package uk.police.bluelamp.casework.casefile;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Rows handed to one statement as one array per column, for {@code unnest(?::text[], ...)}: a
 * batch's rows cost one round trip, whatever their number, and the values never enter the SQL.
 */
final class Unnest {

    private Unnest() {}

    /** Runs the statement once for all the rows; nothing when there are none. */
    static void execute(Connection connection, String sql, Collection<Object[]> rows, int columns) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepare(connection, sql, rows, columns)) {
            statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Collection<Object[]> rows, int columns)
            throws SQLException {
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

    /** As text, which each statement casts: instants in ISO form, exact to the microsecond. */
    static Array array(Connection connection, Collection<?> values) throws SQLException {
        String[] text = new String[values.size()];
        int i = 0;
        for (Object value : values) {
            text[i++] = value == null ? null : value.toString();
        }
        return connection.createArrayOf("text", text);
    }

    /**
     * Half up to the microsecond, as PostgreSQL's driver sends a timestamp: the rows then hold
     * what the events' own statements stored one at a time, whatever rounding the text would get.
     */
    static Instant micros(Instant at) {
        if (at == null) {
            return null;
        }
        int below = at.getNano() % 1_000;
        Instant truncated = at.minusNanos(below);
        return below >= 500 ? truncated.plusNanos(1_000) : truncated;
    }
}
