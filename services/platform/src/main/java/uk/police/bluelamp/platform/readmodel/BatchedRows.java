package uk.police.bluelamp.platform.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's rows, each as its event made it, handed whole to one statement that unnests them
 * ({@link Unnest}): for a read model whose events each add a row and change no other, such as an
 * {@code insert … on conflict do nothing} of facts.
 */
public final class BatchedRows implements BatchedWrites.Changes {

    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param sql one statement with a bound array per column of the rows */
    public BatchedRows(String sql) {
        this.sql = sql;
    }

    public void add(Object[] row) {
        rows.add(row);
    }

    @Override
    public void write(Connection connection) throws SQLException {
        Unnest.execute(connection, sql, rows);
    }
}
