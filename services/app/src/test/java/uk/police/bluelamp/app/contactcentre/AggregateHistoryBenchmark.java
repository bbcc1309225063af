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
 * (Case), each over HTTP as a user does it, on an aggregate about 10 events long and on one
 * grown to 10,000, in turn, so both see the same load on a shared machine. The long history is
 * grown inside PostgreSQL by cloning the aggregate's own last events (as the app sealed them),
 * with fresh sequence numbers, so growing takes seconds rather than the hours the app would take
 * to store it one command at a time; the live processors read the clones before anything is
 * timed. Baseline, in turn with the commands: one fsync'd single-row commit on the same PostgreSQL.
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

            // The long aggregates warm the JIT as they grow: the supervisor's availability is the
            // long Handler, the handler's the short one (only those two roles set availability).
            Chat longChat = Chat.start(port);
            String longCase = reportedCase(port, handler);
            for (int i = 0; i < WARM_UP; i++) {
                longChat.post("warm-" + i);
                expect(204, supervisor.put("/api/v1/staff/availability", Map.of("status", status(i))));
                note(handler, longCase, i);
            }
            long seeding = System.nanoTime();
            seedChat(jdbc, longChat.contactId);
            seedClones(jdbc, "supervisor", 2);
            seedClones(jdbc, longCase, 1);
            System.out.printf(
                    "grew three histories to %,d events in %.1f s%n", LONG, (System.nanoTime() - seeding) / 1e9);

            Chat shortChat = Chat.start(port);
            String shortCase = reportedCase(port, handler);
            grow(jdbc, shortChat.contactId, i -> shortChat.post("short-" + i));
            int handlerSent = grow(jdbc, "handler", i -> availability(handler, i));
            grow(jdbc, shortCase, i -> note(handler, shortCase, i));
            awaitEveryProcessorAt(jdbc, head(jdbc));
            System.out.printf("processors caught up in %.1f s%n", (System.nanoTime() - seeding) / 1e9);

            // The clones have no snapshot: the first command reads them all (and takes the first).
            List<Long> first = List.of(
                    timed(() -> longChat.post("first")),
                    timed(() -> availability(supervisor, WARM_UP)),
                    timed(() -> note(handler, longCase, -1)));

            // Short and long in turn, with the raw commit beside them: each sees the same load.
            List<List<Long>> samples = new ArrayList<>();
            for (int kind = 0; kind < 7; kind++) {
                samples.add(new ArrayList<>());
            }
            for (int i = 0; i < SAMPLES; i++) {
                int n = i;
                samples.get(0).add(timed(() -> shortChat.post("s-" + n)));
                samples.get(1).add(timed(() -> longChat.post("l-" + n)));
                samples.get(2).add(timed(() -> availability(handler, handlerSent + n)));
                samples.get(3).add(timed(() -> availability(supervisor, WARM_UP + 1 + n)));
                samples.get(4).add(timed(() -> note(handler, shortCase, n)));
                samples.get(5).add(timed(() -> note(handler, longCase, n)));
                samples.get(6).add(rawCommit(jdbc, n));
            }

            System.out.println();
            System.out.println("Blue Lamp command latency against history length (" + SAMPLES
                    + " commands each, short and long in turn, one client, "
                    + Runtime.getRuntime().availableProcessors() + " cores, load " + load() + ")");
            System.out.printf(
                    "first command after growing, ms: chat %.1f, availability %.1f, case note %.1f%n",
                    first.get(0) / 1e6, first.get(1) / 1e6, first.get(2) / 1e6);
            report("chat message, ~10 events (to " + length(jdbc, shortChat.contactId) + ")", samples.get(0));
            report("chat message, " + LONG + " events (to " + length(jdbc, longChat.contactId) + ")", samples.get(1));
            report("availability, ~10 events (to " + length(jdbc, "handler") + ")", samples.get(2));
            report("availability, " + LONG + " events (to " + length(jdbc, "supervisor") + ")", samples.get(3));
            report("case note, ~10 events (to " + length(jdbc, shortCase) + ")", samples.get(4));
            report("case note, " + LONG + " events (to " + length(jdbc, longCase) + ")", samples.get(5));
            report("baseline: one fsync'd PostgreSQL commit", samples.get(6));
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

    /** Up to about 10 events, through the app; how many commands that took. */
    private static int grow(Connection jdbc, String aggregate, IntFunction<?> command) throws Exception {
        int sent = 0;
        while (Long.parseLong(length(jdbc, aggregate)) < 10) {
            command.apply(sent++);
        }
        return sent;
    }

    private static long timed(Runnable command) {
        long start = System.nanoTime();
        command.run();
        return System.nanoTime() - start;
    }

    private static HttpResponse<String> availability(StaffSession who, int i) {
        return expect(204, who.put("/api/v1/staff/availability", Map.of("status", status(i))));
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
    private static long rawCommit(Connection jdbc, int i) throws Exception {
        try (Statement ddl = jdbc.createStatement()) {
            ddl.execute("create table if not exists bench_commit (id bigserial primary key, payload bytea)");
        }
        jdbc.setAutoCommit(false);
        try (PreparedStatement insert = jdbc.prepareStatement("insert into bench_commit (payload) values (?)")) {
            long start = System.nanoTime();
            insert.setBytes(1, ("{\"text\":\"message " + i + "\"}").getBytes());
            insert.executeUpdate();
            jdbc.commit();
            return System.nanoTime() - start;
        } finally {
            jdbc.setAutoCommit(true);
        }
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
