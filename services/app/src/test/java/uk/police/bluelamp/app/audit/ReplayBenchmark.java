package uk.police.bluelamp.app.audit;

import static uk.police.bluelamp.app.ProcessorTokens.awaitEveryProcessorAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * Rebuilding a read model over a million events, against the floor under any replay: reading
 * the same events with raw JDBC and deserialising them, measured in the same run on the same
 * database. The read model is the access log, fed by the viewing events staff make all day.
 * Run with: ./mvnw -Pbenchmark verify (or -Dbluelamp.benchmark.events=N for another size).
 */
class ReplayBenchmark {

    static final int EVENTS = Integer.getInteger("bluelamp.benchmark.events", 1_000_000);
    static final int PAGE = 2_000;

    @Test
    void replayAgainstRawReadAndDeserialise() throws Exception {
        Path dataDir = AppProcess.testDir("replay-benchmark-data");
        List<String> settings = System.getProperty("bluelamp.benchmark.segments") == null
                ? List.of()
                : List.of("--bluelamp.audit.replay.segments=" + System.getProperty("bluelamp.benchmark.segments"));
        try (AppProcess app =
                AppProcess.start(dataDir, dataDir.resolve("app.log"), settings).awaitReady(Duration.ofSeconds(180))) {
            String postgresPort = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .get(3)
                    .trim();
            try (Connection jdbc = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "")) {
                long seeding = System.nanoTime();
                long head = seed(jdbc);
                System.out.printf("seeded %,d viewing events in %.1f s%n", EVENTS, seconds(seeding));
                long catchingUp = System.nanoTime();
                awaitEveryProcessorAt(jdbc, head);
                System.out.printf("live processors caught up with them in %.1f s%n", seconds(catchingUp));

                double raw = rawReadAndDeserialise(jdbc);
                JsonNode run = rebuild(app.port());
                double replay = run.path("eventsPerSecond").asDouble();

                System.out.println();
                System.out.printf(
                        "Blue Lamp read-model replay over %,d events (%d cores)%n",
                        run.path("eventsDone").asLong(), Runtime.getRuntime().availableProcessors());
                System.out.printf("  baseline: raw JDBC read + deserialise   %,10.0f events/s%n", raw);
                System.out.printf("  rebuild of access-log (replay)          %,10.0f events/s%n", replay);
                System.out.printf("  ratio replay / raw                      %10.2f%n", replay / raw);
                System.out.printf(
                        "  whole run incl. comparison and swap     %10.1f s%n",
                        Duration.between(
                                                Instant.parse(
                                                        run.path("startedAt").asText()),
                                                Instant.parse(
                                                        run.path("finishedAt").asText()))
                                        .toMillis()
                                / 1000.0);
                System.out.println("  tables: " + run.path("tables"));
            }
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
            try (ResultSet max = sql.executeQuery("select max(global_index) from domain_event_entry")) {
                max.next();
                return max.getLong(1);
            }
        }
    }

    /** The same pages the rebuild reads, deserialised by the same serializer: the most a replay could do. */
    private static double rawReadAndDeserialise(Connection jdbc) throws Exception {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules())
                .build();
        String[] types = {
            "uk.police.bluelamp.messages.audit.CaseViewed", "uk.police.bluelamp.messages.audit.ContactViewed"
        };
        long head;
        try (Statement sql = jdbc.createStatement();
                ResultSet max = sql.executeQuery("select max(global_index) from domain_event_entry")) {
            max.next();
            head = max.getLong(1);
        }
        long started = System.nanoTime();
        long count = 0;
        try (PreparedStatement page =
                jdbc.prepareStatement("select global_index, payload_type, payload_revision, payload, "
                        + "meta_data from domain_event_entry where global_index > ? and global_index <= ? "
                        + "and payload_type = any(?) order by global_index")) {
            page.setArray(3, jdbc.createArrayOf("varchar", types));
            for (long after = -1; after < head; after += PAGE) {
                page.setLong(1, after);
                page.setLong(2, after + PAGE);
                int inPage = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                                rows.getBytes(4), byte[].class, rows.getString(2), rows.getString(3)));
                        Map<String, ?> metaData = serializer.deserialize(new SimpleSerializedObject<>(
                                rows.getBytes(5), byte[].class, MetaData.class.getName(), null));
                        if (payload == null || metaData == null) {
                            throw new IllegalStateException("undeserialisable event");
                        }
                        inPage++;
                    }
                }
                count += inPage;
            }
        }
        return count / seconds(started);
    }

    private static JsonNode rebuild(int port) throws Exception {
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        JsonNode run = StaffSession.json(auditor.post("/api/v1/audit/replays", Map.of("readModel", "access-log")));
        String path = "/api/v1/audit/replays/" + run.path("id").asText();
        while (run.path("state").asText().equals("RUNNING")) {
            Thread.sleep(250);
            run = StaffSession.json(auditor.get(path));
        }
        if (!run.path("state").asText().equals("COMPLETED")) {
            throw new IllegalStateException("rebuild did not complete: " + run);
        }
        return run;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
