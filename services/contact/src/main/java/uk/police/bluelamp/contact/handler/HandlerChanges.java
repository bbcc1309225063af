package uk.police.bluelamp.contact.handler;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.Unnest;

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
        availability.put(handler, new String[] {status, Unnest.micros(since).toString()});
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
        Unnest.execute(connection, """
                insert into handler_availability (handler, status, since)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[])
                on conflict (handler) do update set status = excluded.status, since = excluded.since
                """, statuses, 3);
        List<String[]> names = new ArrayList<>();
        displayNames.forEach((handler, name) -> names.add(new String[] {handler, name}));
        Unnest.execute(connection, """
                insert into handler_profile (handler, display_name) select * from unnest(?::text[], ?::text[])
                on conflict (handler) do update set display_name = excluded.display_name
                """, names, 2);
        List<String[]> replaced = new ArrayList<>();
        List<String[]> held = new ArrayList<>();
        skills.forEach((handler, set) -> {
            replaced.add(new String[] {handler});
            set.forEach(skill -> held.add(new String[] {handler, skill}));
        });
        Unnest.execute(connection, "delete from handler_skill where handler = any(?::text[])", replaced, 1);
        Unnest.execute(connection, """
                insert into handler_skill (handler, skill) select * from unnest(?::text[], ?::text[])
                on conflict do nothing
                """, held, 2);
    }
}
