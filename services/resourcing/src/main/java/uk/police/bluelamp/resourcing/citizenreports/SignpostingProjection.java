package uk.police.bluelamp.resourcing.citizenreports;

import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.signposting.event.CitizenSignposted;
import uk.police.bluelamp.platform.readmodel.BatchedRows;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;
import uk.police.bluelamp.platform.readmodel.Unnest;

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

    /** A redelivered signpost is already there and stays as it was. */
    private static final String INSERT = """
            insert into signposting_fact (event_id, at, reason, channel)
            select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[])
            on conflict (event_id) do nothing
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites<BatchedRows> writes;

    SignpostingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, SignpostingProjection.class, () -> new BatchedRows(INSERT));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from signposting_fact");
    }

    @EventHandler
    void on(CitizenSignposted event, @MessageIdentifier String id) {
        String[] row = {
            id,
            Unnest.micros(Objects.requireNonNull(event.at())).toString(),
            event.reason().name(),
            event.channel().name()
        };
        writes.write(id, rows -> rows.add(row));
    }
}
