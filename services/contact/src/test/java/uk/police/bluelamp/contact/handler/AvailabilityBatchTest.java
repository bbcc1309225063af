package uk.police.bluelamp.contact.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.messages.handler.event.HandlerDisplayNameSet;
import uk.police.bluelamp.messages.handler.event.HandlerSkillsSet;
import uk.police.bluelamp.platform.testing.TwinTables;

/**
 * Handlers' availability, names and skills written a batch at a time are the rows the
 * projection's statements left one event at a time (kept here as the reference): random runs
 * over a few handlers, with moments out of order and half a microsecond apart, cleared names,
 * quotes and unicode, and skill sets emptied, repeated or holding a skill twice.
 */
class AvailabilityBatchTest extends ContactIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");
    private static final List<String> NAMES = List.of(
            "Sam", "NULL", "O'Brien \"Sam\"", "Zoë 🚓 Ng", "S".repeat(60), "Robert'); drop table handler_profile;--");
    private static final List<String> SKILLS = List.of("WELSH", "FRAUD", "BSL", "MENTAL_HEALTH");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (TwinTables tables =
                new TwinTables(dataSource, "handler_availability", "handler_profile", "handler_skill")) {
            AvailabilityProjection projection = new AvailabilityProjection(new JdbcTemplate(tables.batched()));
            // Whether each table held rows after some round: at the end, every handler's last
            // skill set may be empty by chance (seed -7289046673426848518), which tests nothing less.
            boolean[] held = new boolean[3];
            for (int round = 0; round < 30; round++) {
                List<Object> batch = new ArrayList<>();
                for (int i = random.nextInt(15); i >= 0; i--) {
                    Object event = anyEvent(random);
                    batch.add(event);
                    reference(tables.reference(), event);
                }
                assertThat(tables.handleBatch(projection, batch)).isLessThanOrEqualTo(4);
                List<List<Map<String, Object>>> rows = tables.batchedRows();
                assertThat(rows).as("seed %d, round %d", seed, round).isEqualTo(tables.referenceRows());
                for (int table = 0; table < held.length; table++) {
                    held[table] |= !rows.get(table).isEmpty();
                }
            }
            assertThat(held)
                    .as("seed %d: each table held rows after some round", seed)
                    .containsOnly(true);
        }
    }

    private static Object anyEvent(Random random) {
        String handler = "handler-" + random.nextInt(3);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        return switch (random.nextInt(3)) {
            case 0 ->
                new HandlerAvailabilityChanged(
                        handler, Availability.values()[random.nextInt(4)], Availability.OFFLINE, at);
            case 1 -> new HandlerDisplayNameSet(handler, random.nextInt(4) == 0 ? null : pick(random, NAMES), at);
            default -> {
                List<String> skills = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    skills.add(pick(random, SKILLS));
                }
                yield new HandlerSkillsSet(handler, skills, "supervisor", at);
            }
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The projection's statements as it ran them for each event before it gathered batches. */
    private static void reference(JdbcClient jdbc, Object event) {
        if (event instanceof HandlerAvailabilityChanged e) {
            jdbc.sql("""
                    insert into handler_availability (handler, status, since) values (:handler, :status, :since)
                    on conflict (handler) do update set status = excluded.status, since = excluded.since
                    """)
                    .param("handler", e.handler())
                    .param("status", e.status().name())
                    .param("since", Timestamp.from(e.at()))
                    .update();
        } else if (event instanceof HandlerDisplayNameSet e) {
            jdbc.sql("""
                    insert into handler_profile (handler, display_name) values (:handler, :name)
                    on conflict (handler) do update set display_name = excluded.display_name
                    """)
                    .param("handler", e.handler())
                    .param("name", e.displayName())
                    .update();
        } else if (event instanceof HandlerSkillsSet e) {
            jdbc.sql("delete from handler_skill where handler = :handler")
                    .param("handler", e.handler())
                    .update();
            for (String skill : e.skills()) {
                jdbc.sql("insert into handler_skill (handler, skill) values (:handler, :skill) on conflict do nothing")
                        .param("handler", e.handler())
                        .param("skill", skill)
                        .update();
            }
        }
    }
}
