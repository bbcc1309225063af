package uk.police.bluelamp.contact.handler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;

/**
 * A batch's changes to the handlers: each event replaces a handler's availability, name or whole
 * set of skills, so the last of each per handler is what the events one by one would have left,
 * written in at most four statements whatever the batch holds (AvailabilityBatchTest holds the
 * two side by side).
 */
final class HandlerChanges implements BatchedWrites.Changes {

    private final Map<String, String[]> availability = new LinkedHashMap<>();
    private final Map<String, String> displayNames = new LinkedHashMap<>();
    private final Map<String, List<String>> skills = new LinkedHashMap<>();

    void availability(String handler, String status, Instant since) {
        availability.put(handler, new String[] {status, micros(since)});
    }

    void displayName(String handler, String name) {
        displayNames.put(handler, name);
    }

    void skills(String handler, List<String> set) {
        skills.put(handler, set);
    }

    @Override
    public void write(Connection connection) throws SQLException {
        List<String[]> statuses = new ArrayList<>();
        availability.forEach((handler, status) -> statuses.add(new String[] {handler, status[0], status[1]}));
        execute(connection, """
                insert into handler_availability (handler, status, since)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[])
                on conflict (handler) do update set status = excluded.status, since = excluded.since
                """, statuses, 3);
        List<String[]> names = new ArrayList<>();
        displayNames.forEach((handler, name) -> names.add(new String[] {handler, name}));
        execute(connection, """
                insert into handler_profile (handler, display_name) select * from unnest(?::text[], ?::text[])
                on conflict (handler) do update set display_name = excluded.display_name
                """, names, 2);
        List<String[]> replaced = new ArrayList<>();
        List<String[]> held = new ArrayList<>();
        skills.forEach((handler, set) -> {
            replaced.add(new String[] {handler});
            set.forEach(skill -> held.add(new String[] {handler, skill}));
        });
        execute(connection, "delete from handler_skill where handler = any(?::text[])", replaced, 1);
        execute(connection, """
                insert into handler_skill (handler, skill) select * from unnest(?::text[], ?::text[])
                on conflict do nothing
                """, held, 2);
    }

    /** One statement whose parameters are the rows' columns, each as a text array the statement casts. */
    private static void execute(Connection connection, String sql, List<String[]> rows, int columns)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int column = 0; column < columns; column++) {
                final int c = column;
                Object[] values = rows.stream().map(row -> row[c]).toArray(String[]::new);
                statement.setArray(column + 1, connection.createArrayOf("text", values));
            }
            statement.executeUpdate();
        }
    }

    /** Half up to the microsecond, as the driver rounds a timestamp it sends: PostgreSQL rounds text its own way. */
    private static String micros(Instant at) {
        int below = at.getNano() % 1_000;
        return (below >= 500 ? at.plusNanos(1_000 - below) : at.minusNanos(below)).toString();
    }
}
