package uk.police.bluelamp.resourcing.citizenreports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.signposting.event.CitizenSignposted;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * The demand the force turned away to the right service, one row per signpost shown, inserted a
 * batch at a time in one statement ({@link BatchedWrites}): a year of signposts rebuilds bound by
 * the read of the events, not by a round trip each.
 */
@Component
@ProcessingGroup(SignpostingProjection.PROCESSING_GROUP)
@ReadModel(tables = "signposting_fact", holdsPersonalData = false)
class SignpostingProjection {

    static final String PROCESSING_GROUP = "signposting";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<Signposts> writes;

    SignpostingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, SignpostingProjection.class, Signposts::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from signposting_fact");
    }

    @EventHandler
    void on(CitizenSignposted event, @MessageIdentifier String id) {
        String[] row = {
            id,
            micros(Objects.requireNonNull(event.at())),
            event.reason().name(),
            event.channel().name()
        };
        writes.write(id, signposts -> signposts.rows.add(row));
    }

    /** A batch's signposts; a redelivered one is already there and stays as it was. */
    private static final class Signposts implements BatchedWrites.Changes {

        private final List<String[]> rows = new ArrayList<>();

        @Override
        public void write(Connection connection) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into signposting_fact (event_id, at, reason, channel)
                    select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[])
                    on conflict (event_id) do nothing
                    """)) {
                for (int column = 0; column < 4; column++) {
                    String[] values = new String[rows.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rows.get(i)[column];
                    }
                    insert.setArray(column + 1, connection.createArrayOf("text", values));
                }
                insert.executeUpdate();
            }
        }
    }

    /** Half up to the microsecond, as the driver rounds a timestamp it sends: PostgreSQL rounds text its own way. */
    private static String micros(Instant at) {
        int below = at.getNano() % 1_000;
        return (below >= 500 ? at.plusNanos(1_000 - below) : at.minusNanos(below)).toString();
    }
}
