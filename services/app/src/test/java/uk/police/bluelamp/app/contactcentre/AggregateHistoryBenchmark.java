package uk.police.bluelamp.app.contactcentre;

import static uk.police.bluelamp.app.ProcessorTokens.awaitEveryProcessorAt;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * What one command costs against the length of its aggregate's history (issue 17, point 1):
 * posting a chat message (Contact), changing availability (Handler) and adding a case note
 * (Case), each over HTTP as a user does it, first on an aggregate about 10 events long and then
 * on the same aggregate grown to 10,000. The history is grown inside PostgreSQL by cloning the
 * aggregate's own last events (as the app sealed them), with fresh sequence numbers, so growing
 * takes seconds rather than the hours the app would take to store it one command at a time; the
 * live processors read the clones before anything is timed. Baseline in the same run: one
 * fsync'd single-row commit on the same PostgreSQL.
 * Run with: ./mvnw -Pbenchmark verify -pl services/app -Dit.test=AggregateHistoryBenchmark
 */
class AggregateHistoryBenchmark {

    static final int LONG = Integer.getInteger("bluelamp.benchmark.history", 10_000);
    static final int SAMPLES = Integer.getInteger("bluelamp.benchmark.samples", 100);
    static final int WARM_UP = 200;
    /** The chat stays open while its history grows, though its citizen posts nothing meanwhile. */
    static final List<String> STAYS_OPEN = List.of("--bluelamp.chat.citizen-grace=PT1H");

    @Test
    void commandCostAgainstHistoryLength() throws Exception {
        Path dataDir = AppProcess.testDir("history-benchmark-data");
        try (AppProcess app = AppProcess.start(dataDir, dataDir.resolve("app.log"), STAYS_OPEN)
                        .awaitReady(Duration.ofSeconds(180));
                Connection jdbc = database(dataDir)) {
            int port = app.port();
            StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
            StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");

            Chat warmChat = Chat.start(port);
            String warmCase = reportedCase(port, handler);
            for (int i = 0; i < WARM_UP; i++) {
                warmChat.post("warm-" + i);
                expect(204, supervisor.put("/api/v1/staff/availability", Map.of("status", status(i))));
                note(handler, warmCase, i);
            }

            Chat chat = Chat.start(port);
            String reference = reportedCase(port, handler);
            grow(jdbc, chat.contactId, i -> chat.post("short-" + i));
            grow(
                    jdbc,
                    "handler",
                    i -> expect(204, handler.put("/api/v1/staff/availability", Map.of("status", status(i)))));
            grow(jdbc, reference, i -> note(handler, reference, i));
            awaitEveryProcessorAt(jdbc, head(jdbc));

            List<String> lines = new ArrayList<>();
            List<Long> chatShort = time(i -> chat.post("s-" + i));
            List<Long> availabilityShort =
                    time(i -> handler.put("/api/v1/staff/availability", Map.of("status", status(i))));
            List<Long> noteShort = time(i -> note(handler, reference, i));
            String[] shortLengths = {length(jdbc, chat.contactId), length(jdbc, "handler"), length(jdbc, reference)};

            long seeding = System.nanoTime();
            seedChat(jdbc, chat.contactId);
            seedClones(jdbc, "handler", 2);
            seedClones(jdbc, reference, 1);
            long head = head(jdbc);
            System.out.printf(
                    "grew three histories to %,d events in %.1f s%n", LONG, (System.nanoTime() - seeding) / 1e9);
            awaitEveryProcessorAt(jdbc, head);
            System.out.printf("processors caught up in %.1f s%n", (System.nanoTime() - seeding) / 1e9);

            List<Long> chatLong = time(i -> chat.post("l-" + i));
            List<Long> availabilityLong =
                    time(i -> handler.put("/api/v1/staff/availability", Map.of("status", status(i))));
            List<Long> noteLong = time(i -> note(handler, reference, i));
            String[] longLengths = {length(jdbc, chat.contactId), length(jdbc, "handler"), length(jdbc, reference)};
            List<Long> commits = rawCommitLatency(jdbc);

            System.out.println();
            System.out.println(
                    "Blue Lamp command latency against history length (" + SAMPLES + " commands each, one client, "
                            + Runtime.getRuntime().availableProcessors() + " cores, load " + load() + ")");
            report("chat message, ~10 events (to " + shortLengths[0] + ")", chatShort);
            report("chat message, " + LONG + " events (to " + longLengths[0] + ")", chatLong);
            report("availability, ~10 events (to " + shortLengths[1] + ")", availabilityShort);
            report("availability, " + LONG + " events (to " + longLengths[1] + ")", availabilityLong);
            report("case note, ~10 events (to " + shortLengths[2] + ")", noteShort);
            report("case note, " + LONG + " events (to " + longLengths[2] + ")", noteLong);
            report("baseline: one fsync'd PostgreSQL commit", commits);
            try (Statement sql = jdbc.createStatement();
                    ResultSet snapshots = sql.executeQuery(
                            "select count(*), coalesce(max(length(payload)), 0) " + "from snapshot_event_entry")) {
                snapshots.next();
                System.out.printf(
                        "snapshots stored: %d, largest %,d bytes%n", snapshots.getLong(1), snapshots.getLong(2));
            }
        } finally {
            AppProcess.postmasterOf(dataDir).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A citizen's chat, posted to over HTTP with its token. */
    private record Chat(StaffSession citizen, String contactId, String token) {
        static Chat start(int port) {
            StaffSession citizen = new StaffSession(port);
            JsonNode started = StaffSession.json(expect(
                    201, citizen.post("/api/v1/chats", Map.of("topic", "Noise next door", "anyoneInDanger", false))));
            return new Chat(
                    citizen,
                    started.path("contactId").asText(),
                    started.path("chatToken").asText());
        }

        HttpResponse<String> post(String clientMessageId) {
            return expect(
                    200,
                    citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + contactId + "/messages"))
                            .header("X-Chat-Token", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"clientMessageId\":\"" + clientMessageId
                                    + "\",\"text\":\"They are still playing music at full volume\"}"))
                            .build()));
        }
    }

    private static String reportedCase(int port, StaffSession handler) throws InterruptedException {
        Api.Response created = new Api(port).report(Api.validReport());
        if (created.status() != 201) {
            throw new IllegalStateException("report refused: " + created.raw().body());
        }
        String reference = created.text("reference");
        while (handler.get("/api/v1/staff/cases/" + reference).statusCode() != 200) {
            Thread.sleep(50);
        }
        return reference;
    }

    private static HttpResponse<String> note(StaffSession handler, String reference, int i) {
        return expect(
                204,
                handler.post(
                        "/api/v1/staff/cases/" + reference + "/notes",
                        Map.of("text", "Spoke to the neighbour again, visit " + i)));
    }

    private static String status(int i) {
        return i % 2 == 0 ? "BUSY" : "AVAILABLE";
    }

    /** Up to about 10 events, through the app. */
    private static void grow(Connection jdbc, String aggregate, IntFunction<?> command) throws Exception {
        for (int i = 0; Long.parseLong(length(jdbc, aggregate)) < 10; i++) {
            command.apply(i);
        }
    }

    private static List<Long> time(IntFunction<?> command) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            command.apply(i);
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    private static final String COPY_COLUMNS = "aggregate_identifier, sequence_number, type, event_identifier, "
            + "meta_data, payload, payload_revision, payload_type, time_stamp";

    /** The chat's last message, cloned with the next numbers and client message ids. */
    private static void seedChat(Connection jdbc, String contactId) throws Exception {
        long from = last(jdbc, contactId);
        try (PreparedStatement insert = jdbc.prepareStatement("insert into domain_event_entry (" + COPY_COLUMNS + ") "
                + "select e.aggregate_identifier, e.sequence_number + n, e.type, gen_random_uuid()::text, e.meta_data, "
                + "convert_to(jsonb_set(jsonb_set(convert_from(e.payload, 'UTF8')::jsonb, '{seq}', "
                + "to_jsonb((convert_from(e.payload, 'UTF8')::jsonb ->> 'seq')::bigint + n)), "
                + "'{clientMessageId}', to_jsonb('seed-' || n))::text, 'UTF8'), "
                + "e.payload_revision, e.payload_type, e.time_stamp "
                + "from domain_event_entry e, generate_series(1, ?) n "
                + "where e.aggregate_identifier = ? and e.sequence_number = ? order by n")) {
            insert.setLong(1, LONG - from - 1);
            insert.setString(2, contactId);
            insert.setLong(3, from);
            insert.executeUpdate();
        }
    }

    /** The aggregate's last {@code period} events, cloned in turn (a handler's busy and available). */
    private static void seedClones(Connection jdbc, String aggregate, int period) throws Exception {
        long from = last(jdbc, aggregate);
        try (PreparedStatement insert = jdbc.prepareStatement("insert into domain_event_entry (" + COPY_COLUMNS + ") "
                + "select e.aggregate_identifier, ? + n, e.type, gen_random_uuid()::text, e.meta_data, e.payload, "
                + "e.payload_revision, e.payload_type, e.time_stamp "
                + "from generate_series(1, ?) n join domain_event_entry e on e.aggregate_identifier = ? "
                + "and e.sequence_number = ? - ? + 1 + ((n - 1) % ?) order by n")) {
            long count = (LONG - from - 1) / period * period;
            insert.setLong(1, from);
            insert.setLong(2, count);
            insert.setString(3, aggregate);
            insert.setLong(4, from);
            insert.setLong(5, period);
            insert.setLong(6, period);
            insert.executeUpdate();
        }
    }

    private static long last(Connection jdbc, String aggregate) throws Exception {
        try (PreparedStatement sql = jdbc.prepareStatement(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")) {
            sql.setString(1, aggregate);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String length(Connection jdbc, String aggregate) throws Exception {
        return Long.toString(last(jdbc, aggregate) + 1);
    }

    private static long head(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement();
                ResultSet max = sql.executeQuery("select max(global_index) from domain_event_entry")) {
            max.next();
            return max.getLong(1);
        }
    }

    private static Connection database(Path dataDir) throws Exception {
        String port = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /** The same kind of write the app must make durable before it answers, with nothing else around it. */
    private static List<Long> rawCommitLatency(Connection jdbc) throws Exception {
        try (Statement ddl = jdbc.createStatement()) {
            ddl.execute("create table if not exists bench_commit (id bigserial primary key, payload bytea)");
        }
        List<Long> latencies = new ArrayList<>();
        jdbc.setAutoCommit(false);
        try (PreparedStatement insert = jdbc.prepareStatement("insert into bench_commit (payload) values (?)")) {
            for (int i = 0; i < 1000; i++) {
                long start = System.nanoTime();
                insert.setBytes(1, ("{\"text\":\"message " + i + "\"}").getBytes());
                insert.executeUpdate();
                jdbc.commit();
                latencies.add(System.nanoTime() - start);
            }
        } finally {
            jdbc.setAutoCommit(true);
        }
        return latencies;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(
                "%-45s n=%5d  p50=%7.1f ms  p90=%7.1f ms  max=%7.1f ms%n",
                what, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.90), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
