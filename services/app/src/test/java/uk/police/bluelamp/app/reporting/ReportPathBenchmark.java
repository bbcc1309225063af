package uk.police.bluelamp.app.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * Issue 17 point 2 (docs/benchmarks.md): {@code POST /api/v1/reports} per second, p50 and p99,
 * from 1 and 8 HTTP clients against the packaged app, beside a raw baseline measured in the same
 * run on the same PostgreSQL: the rows one report's transaction stores (its events with their
 * measured payload sizes, the subject's stream and key rows) committed in one transaction per
 * report from 1 and 8 JDBC clients. It splits the app's CPU by thread, and measures reports the
 * validator refuses: what the web stack costs before any command. Profile it with
 * {@code -Dbluelamp.app-jvm-options=-XX:StartFlightRecording=filename=/tmp/report.jfr}.
 */
class ReportPathBenchmark {

    private static final int WARM_UP = Integer.getInteger("bluelamp.benchmark.warm-up", 6_000);
    private static final int REPORTS = Integer.getInteger("bluelamp.benchmark.reports", 3_000);

    @Test
    void reportsPerSecondBesideTheRawCommits() throws Exception {
        Path dataDir = AppProcess.testDir("report-path");
        try (AppProcess app =
                AppProcess.start(dataDir, dataDir.resolve("app.log")).awaitReady(Duration.ofSeconds(180))) {
            String url = "jdbc:postgresql://localhost:" + postgresPort(dataDir) + "/postgres";
            run(app.port(), 8, WARM_UP);
            ProcessHandle postgres = AppProcess.postmasterOf(dataDir).orElseThrow();
            Cpu cpuBefore = Cpu.of(app.pid(), postgres);
            Map<String, Long> threadsBefore = JvmThreads.ticksByKind(app.pid());
            long eventsBefore = count(url, "select coalesce(max(global_index), 0) from domain_event_entry");
            Map<String, Long> insertsBefore = insertsByTable(url);
            Run one = run(app.port(), 1, REPORTS / 3);
            Run eight = run(app.port(), 8, REPORTS);
            Cpu cpuApp = Cpu.of(app.pid(), postgres).minus(cpuBefore);
            Map<String, Long> threadsAfter = JvmThreads.ticksByKind(app.pid());
            Shape shape = shape(url, eventsBefore, one.reports + eight.reports);
            Map<String, Long> insertsAfter = insertsByTable(url);

            Cpu refusedBefore = Cpu.of(app.pid(), postgres);
            Map<String, Long> refusedThreadsBefore = JvmThreads.ticksByKind(app.pid());
            Run refused = refused(app.port(), 8, REPORTS);
            Cpu cpuRefused = Cpu.of(app.pid(), postgres).minus(refusedBefore);
            Map<String, Long> refusedThreadsAfter = JvmThreads.ticksByKind(app.pid());

            Cpu rawBefore = Cpu.of(app.pid(), postgres);
            Run rawOne = raw(url, 1, REPORTS / 3, shape);
            Run rawEight = raw(url, 8, REPORTS, shape);
            Cpu cpuRaw = Cpu.of(app.pid(), postgres).minus(rawBefore);

            System.out.println();
            System.out.printf(
                    "Blue Lamp report path (%d cores, load average %.1f at the end)%n",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            System.out.printf(
                    "one report stores %.2f events of %.0f bytes (payload + metadata) on average%n",
                    shape.eventsPerReport, shape.bytesPerEvent);
            System.out.println("rows inserted or updated per report, by table (projections included):");
            insertsAfter.forEach((table, after) -> {
                double perReport =
                        (after - insertsBefore.getOrDefault(table, 0L)) / (double) (one.reports + eight.reports);
                if (perReport >= 0.01) {
                    System.out.printf("  %-40s %6.2f%n", table, perReport);
                }
            });
            print("POST /api/v1/reports, 1 client", one);
            print("POST /api/v1/reports, 8 clients", eight);
            print("refused at validation (400), 8 clients", refused);
            print("baseline: a report's rows, 1 JDBC client", rawOne);
            print("baseline: a report's rows, 8 JDBC clients", rawEight);
            int measured = one.reports + eight.reports;
            System.out.printf(
                    "CPU per report (whatever the machine's load): app JVM %.2f ms, PostgreSQL %.2f ms; "
                            + "baseline PostgreSQL %.2f ms%n",
                    cpuApp.jvmNanos / 1e6 / measured,
                    cpuApp.postgresNanos / 1e6 / measured,
                    cpuRaw.postgresNanos / 1e6 / (rawOne.reports + rawEight.reports));
            System.out.println("the app JVM's CPU per report, by thread:");
            JvmThreads.print(threadsBefore, threadsAfter, measured);
            System.out.printf(
                    "CPU per report refused at validation (Tomcat, limits, security, JSON, input policy, "
                            + "validator; nothing stored): app JVM %.2f ms, PostgreSQL %.2f ms%n",
                    cpuRefused.jvmNanos / 1e6 / refused.reports, cpuRefused.postgresNanos / 1e6 / refused.reports);
            System.out.println("the app JVM's CPU per refused report, by thread:");
            JvmThreads.print(refusedThreadsBefore, refusedThreadsAfter, refused.reports);
            System.out.printf(
                    "ratio to baseline: %.2f at 1 client, %.2f at 8 clients%n",
                    one.perSecond() / rawOne.perSecond(), eight.perSecond() / rawEight.perSecond());
            System.out.println("app memory after the run: " + app.memory());
        }
    }

    /** CPU time of the app's JVM and of PostgreSQL (its server, live backends and those ended). */
    record Cpu(long jvmNanos, long postgresNanos) {
        static Cpu of(long jvm, ProcessHandle postmaster) throws Exception {
            long postgres = ticks(postmaster.pid(), true);
            for (ProcessHandle backend : postmaster.descendants().toList()) {
                postgres += ticks(backend.pid(), false);
            }
            return new Cpu(ticks(jvm, false) * 10_000_000L, postgres * 10_000_000L);
        }

        Cpu minus(Cpu before) {
            return new Cpu(jvmNanos - before.jvmNanos, postgresNanos - before.postgresNanos);
        }

        /** utime + stime (and the reaped children's), in 10 ms clock ticks, from /proc. */
        private static long ticks(long pid, boolean withEndedChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return withEndedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
            } catch (Exception ended) {
                return 0;
            }
        }
    }

    record Run(int reports, long nanos, List<Long> latencies) {
        double perSecond() {
            return reports / (nanos / 1e9);
        }
    }

    /** What one report stores, from the events the measured reports appended. */
    record Shape(double eventsPerReport, double bytesPerEvent) {}

    private static Run run(int port, int clients, int reports) throws Exception {
        return posting(port, clients, reports, Api::validReport, 201);
    }

    /**
     * The same requests refused by the validator (an e-mail address that is not one): the cost of
     * the web stack and the input policy around the controller, with no command sent.
     */
    private static Run refused(int port, int clients, int reports) throws Exception {
        return posting(port, clients, reports, () -> Api.validReport().put("email", "not an address"), 400);
    }

    /** Each client posts reports one after another, each answered {@code expected} before the next. */
    private static Run posting(int port, int clients, int reports, Supplier<ObjectNode> report, int expected)
            throws Exception {
        return clients(clients, reports, (left, latencies) -> {
            Api api = new Api(port);
            while (left.getAndDecrement() > 0) {
                long sent = System.nanoTime();
                int status = api.report(report.get()).status();
                if (status != expected) {
                    throw new IllegalStateException("a report was answered " + status + ", not " + expected);
                }
                latencies.add(System.nanoTime() - sent);
            }
        });
    }

    /** One client's loop: takes reports from what is left and adds each one's latency. */
    private interface Client {
        void work(AtomicInteger left, Queue<Long> latencies) throws Exception;
    }

    /** The clients side by side until the reports are all sent, timed from the first to the last. */
    private static Run clients(int clients, int reports, Client client) throws Exception {
        AtomicInteger left = new AtomicInteger(reports);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                client.work(left, latencies);
                return null;
            }));
        }
        for (Future<?> finished : done) {
            finished.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        return new Run(reports, nanos, new ArrayList<>(latencies));
    }

    private static Shape shape(String url, long afterIndex, int reports) throws SQLException {
        try (Connection jdbc = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement select =
                        jdbc.prepareStatement("select count(*), avg(length(payload) + coalesce(length(meta_data), 0)) "
                                + "from domain_event_entry where global_index > ?")) {
            select.setLong(1, afterIndex);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Shape(row.getLong(1) / (double) reports, row.getDouble(2));
            }
        }
    }

    /**
     * The same rows with nothing around them: a report's events (payload and metadata of the
     * measured size, in copies of the event table with all its indexes), its contact's and case's
     * stream rows and its subject's key, in one fsync'd transaction per report.
     */
    private static Run raw(String url, int clients, int reports, Shape shape) throws Exception {
        try (Connection ddl = DriverManager.getConnection(url, "postgres", "");
                Statement statement = ddl.createStatement()) {
            statement.execute("create schema if not exists bench");
            statement.execute("create sequence if not exists bench_chain");
            for (String table : List.of("domain_event_entry", "personal_data_stream", "personal_data_key")) {
                statement.execute("drop table if exists bench." + table);
                statement.execute("create table bench." + table + " (like public." + table + " including all)");
            }
        }
        int wholeEvents = (int) Math.floor(shape.eventsPerReport);
        double extraEvent = shape.eventsPerReport - wholeEvents;
        int half = (int) (shape.bytesPerEvent / 2);
        return clients(clients, reports, (left, latencies) -> {
            try (Connection jdbc = DriverManager.getConnection(url, "postgres", "")) {
                jdbc.setAutoCommit(false);
                PreparedStatement events = jdbc.prepareStatement(
                        "insert into bench.domain_event_entry (aggregate_identifier, sequence_number, type, "
                                + "event_identifier, meta_data, payload, payload_type, time_stamp, chain_position, "
                                + "chain_hash, occurred_at, actor, channel) "
                                + "values (?, ?, 'Contact', ?, ?, ?, 'contact.ContactReceived', ?, "
                                + "nextval('bench_chain'), ?, now(), 'citizen', 'WEB')");
                PreparedStatement streams = jdbc.prepareStatement(
                        "insert into bench.personal_data_stream (stream_id, subject_id) values (?, ?)");
                PreparedStatement keys = jdbc.prepareStatement(
                        "insert into bench.personal_data_key (subject_id, wrapped_key) values (?, ?)");
                byte[] hash = new byte[32];
                while (left.getAndDecrement() > 0) {
                    long begin = System.nanoTime();
                    String contact = UUID.randomUUID().toString();
                    String reference = "BL-" + UUID.randomUUID();
                    int count = wholeEvents + (ThreadLocalRandom.current().nextDouble() < extraEvent ? 1 : 0);
                    for (int e = 0; e < count; e++) {
                        events.setString(1, e == 0 ? contact : reference);
                        events.setLong(2, e);
                        events.setString(3, UUID.randomUUID().toString());
                        events.setBytes(4, new byte[half / 2]);
                        events.setBytes(5, new byte[half + half / 2]);
                        events.setString(6, java.time.Instant.now().toString());
                        ThreadLocalRandom.current().nextBytes(hash);
                        events.setBytes(7, hash);
                        events.addBatch();
                    }
                    events.executeBatch();
                    streams.setString(1, contact);
                    streams.setString(2, contact);
                    streams.addBatch();
                    streams.setString(1, reference);
                    streams.setString(2, contact);
                    streams.addBatch();
                    streams.executeBatch();
                    keys.setString(1, contact);
                    keys.setBytes(2, new byte[60]);
                    keys.executeUpdate();
                    jdbc.commit();
                    latencies.add(System.nanoTime() - begin);
                }
            }
        });
    }

    private static Map<String, Long> insertsByTable(String url) throws Exception {
        Map<String, Long> inserts = new LinkedHashMap<>();
        try (Connection jdbc = DriverManager.getConnection(url, "postgres", "");
                Statement statement = jdbc.createStatement()) {
            // Other backends report their counts when idle, at most 10 s late (PGSTAT_IDLE_INTERVAL).
            Thread.sleep(11_000);
            try (ResultSet rows = statement.executeQuery("select schemaname || '.' || relname, n_tup_ins + n_tup_upd "
                    + "from pg_stat_user_tables where schemaname = 'public' order by 2 desc")) {
                while (rows.next()) {
                    inserts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return inserts;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection jdbc = DriverManager.getConnection(url, "postgres", "");
                Statement statement = jdbc.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String postgresPort(Path dataDir) throws Exception {
        return Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim();
    }

    private static void print(String what, Run run) {
        List<Long> sorted = new ArrayList<>(run.latencies);
        Collections.sort(sorted);
        System.out.printf(
                "%-45s n=%5d  %8.1f reports/s  p50=%6.1f ms  p99=%6.1f ms%n",
                what, run.reports, run.perSecond(), ms(sorted, 0.50), ms(sorted, 0.99));
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
