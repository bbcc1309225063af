package uk.police.bluelamp.resourcing.citizenreports;

import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.platform.readmodel.BatchedRows;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * Each satisfaction answer by the channel the citizen first used and the one that asked them:
 * no reference and no comment, so nothing here leads back to the person. Inserted a batch at a
 * time in one statement ({@link BatchedWrites}), as the signposts are.
 */
@Component
@ProcessingGroup(SatisfactionProjection.PROCESSING_GROUP)
@ReadModel(tables = "satisfaction_fact", holdsPersonalData = false)
class SatisfactionProjection {

    static final String PROCESSING_GROUP = "satisfaction";

    /** A redelivered answer is already there and stays as it was. */
    private static final String INSERT = """
            insert into satisfaction_fact (event_id, at, channel, asked_by, satisfaction)
            select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
            on conflict (event_id) do nothing
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites<BatchedRows> writes;

    SatisfactionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, SatisfactionProjection.class, () -> new BatchedRows(INSERT));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from satisfaction_fact");
    }

    @EventHandler
    void on(SatisfactionGiven event, @MessageIdentifier String id) {
        String[] row = {
            id,
            Unnest.micros(Objects.requireNonNull(event.at())).toString(),
            event.channel() == null ? "WEB" : event.channel().name(),
            event.askedBy() == null ? "ONLINE" : event.askedBy().name(),
            event.satisfaction().name()
        };
        writes.write(id, rows -> rows.add(row));
    }
}
