package uk.police.bluelamp.resourcing.citizenreports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.signposting.SignpostReason;
import uk.police.bluelamp.messages.signposting.event.CitizenSignposted;
import uk.police.bluelamp.platform.testing.TwinTables;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;

/**
 * Signposts inserted a batch at a time, in one statement, are the rows the projection's insert
 * left one event at a time (kept here as the reference), redelivered events and moments half a
 * microsecond apart included.
 */
class SignpostingBatchTest extends ResourcingIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        try (TwinTables tables = new TwinTables(dataSource, "signposting_fact")) {
            tables.randomRounds(
                    new SignpostingProjection(new JdbcTemplate(tables.batched())),
                    20,
                    30,
                    5,
                    1,
                    random -> new CitizenSignposted(
                            "s-" + random.nextInt(30),
                            SignpostReason.values()[random.nextInt(SignpostReason.values().length)],
                            Channel.values()[random.nextInt(Channel.values().length)],
                            NINE.plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)))),
                    SignpostingBatchTest::reference);
        }
    }

    /** The projection's statement as it ran for each event before it gathered batches. */
    private static void reference(JdbcClient jdbc, EventMessage<?> message) {
        CitizenSignposted event = (CitizenSignposted) message.getPayload();
        jdbc.sql("""
                insert into signposting_fact (event_id, at, reason, channel) values (:id, :at, :reason, :channel)
                on conflict (event_id) do nothing
                """)
                .param("id", message.getIdentifier())
                .param("at", Timestamp.from(event.at()))
                .param("reason", event.reason().name())
                .param("channel", event.channel().name())
                .update();
    }
}
