package uk.police.bluelamp.resourcing.citizenreports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.platform.testing.TwinTables;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;

/**
 * Satisfaction answers inserted a batch at a time, in one statement, are the rows the
 * projection's insert left one event at a time (kept here as the reference): redelivered events,
 * answers with no channel or no asking channel recorded, and moments half a microsecond apart.
 */
class SatisfactionBatchTest extends ResourcingIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        try (TwinTables tables = new TwinTables(dataSource, "satisfaction_fact")) {
            tables.randomRounds(
                    new SatisfactionProjection(new JdbcTemplate(tables.batched())),
                    20,
                    30,
                    5,
                    1,
                    SatisfactionBatchTest::anyAnswer,
                    SatisfactionBatchTest::reference);
        }
    }

    private static SatisfactionGiven anyAnswer(Random random) {
        return new SatisfactionGiven(
                "BL-" + random.nextInt(5),
                "request-" + random.nextInt(5),
                Satisfaction.values()[random.nextInt(Satisfaction.values().length)],
                random.nextBoolean() ? "kept informed" : null,
                random.nextInt(4) == 0 ? null : Channel.values()[random.nextInt(Channel.values().length)],
                random.nextInt(4) == 0 ? null : UpdateChannel.values()[random.nextInt(UpdateChannel.values().length)],
                NINE.plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4))));
    }

    /** The projection's statement as it ran for each event before it gathered batches. */
    private static void reference(JdbcClient jdbc, EventMessage<?> message) {
        SatisfactionGiven event = (SatisfactionGiven) message.getPayload();
        jdbc.sql("""
                insert into satisfaction_fact (event_id, at, channel, asked_by, satisfaction)
                values (:id, :at, :channel, :askedBy, :satisfaction) on conflict (event_id) do nothing
                """)
                .param("id", message.getIdentifier())
                .param("at", Timestamp.from(event.at()))
                .param(
                        "channel",
                        event.channel() == null ? "WEB" : event.channel().name())
                .param(
                        "askedBy",
                        event.askedBy() == null ? "ONLINE" : event.askedBy().name())
                .param("satisfaction", event.satisfaction().name())
                .update();
    }
}
