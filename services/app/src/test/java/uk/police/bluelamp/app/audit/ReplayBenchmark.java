package uk.police.bluelamp.app.audit;

import static uk.police.bluelamp.app.ProcessorTokens.awaitEveryProcessorAt;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.database;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.handledTypes;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.head;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.print;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.rawReadAndDeserialise;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.rebuild;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.seconds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * Rebuilding a read model over a million events, against the floor under any replay: reading
 * the same events with raw JDBC and deserialising them, measured in the same run on the same
 * database. The read model is the access log, fed by the viewing events staff make all day.
 * Run with: ./mvnw -Pbenchmark verify (or -Dbluelamp.benchmark.events=N for another size).
 */
class ReplayBenchmark {

    static final int EVENTS = Integer.getInteger("bluelamp.benchmark.events", 1_000_000);
    static final String ACCESS_LOG = "uk.police.bluelamp.audit.access.AccessLogProjection";

    @Test
    void replayAgainstRawReadAndDeserialise() throws Exception {
        Path dataDir = AppProcess.testDir("replay-benchmark-data");
        List<String> settings = System.getProperty("bluelamp.benchmark.segments") == null
                ? List.of()
                : List.of("--bluelamp.audit.replay.segments=" + System.getProperty("bluelamp.benchmark.segments"));
        try (AppProcess app = AppProcess.start(dataDir, dataDir.resolve("app.log"), settings)
                        .awaitReady(Duration.ofSeconds(180));
                Connection jdbc = database(dataDir)) {
            long seeding = System.nanoTime();
            long head = seed(jdbc);
            System.out.printf("seeded %,d viewing events in %.1f s%n", EVENTS, seconds(seeding));
            long catchingUp = System.nanoTime();
            awaitEveryProcessorAt(jdbc, head);
            System.out.printf("live processors caught up with them in %.1f s%n", seconds(catchingUp));

            double raw = rawReadAndDeserialise(jdbc, handledTypes(ACCESS_LOG));
            print("access-log", rebuild(app.port(), "access-log"), raw);
        }
    }

    /** Server-side, so seeding is quick: one CaseViewed or ContactViewed per row, spread over a year. */
    private static long seed(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("""
                    insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp, occurred_at, actor, channel)
                    select id, 0, null, id,
                        convert_to(json_build_object('actor', 'staff:viewer-' || (i % 50), 'channel', 'STAFF',
                            'correlationId', id, 'causationId', id)::text, 'UTF8'),
                        convert_to(case when i % 3 = 0
                            then json_build_object('contactId', md5(i::text), 'viewer', 'viewer-' || (i % 50),
                                'view', 'contact workspace', 'reason', null, 'at', at)
                            else json_build_object('reference', 'BL-2026-' || lpad((i % 50000)::text, 6, '0'),
                                'viewer', 'viewer-' || (i % 50), 'view', 'case view',
                                'reason', case when i % 7 = 0 then 'Covering a colleague' end, 'at', at) end::text, 'UTF8'),
                        null,
                        case when i % 3 = 0 then 'uk.police.bluelamp.messages.audit.ContactViewed'
                             else 'uk.police.bluelamp.messages.audit.CaseViewed' end,
                        at, at::timestamptz, 'staff:viewer-' || (i % 50), 'STAFF'
                    from (select i, gen_random_uuid()::text as id,
                                 to_char(timestamp '2025-11-26' + i * interval '31 seconds', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
                          from generate_series(1, :events) i) g
                    """.replace(":events", String.valueOf(EVENTS)));
        }
        return head(jdbc);
    }
}
