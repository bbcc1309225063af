package uk.police.bluelamp.app.audit;

import static uk.police.bluelamp.app.ProcessorTokens.awaitEveryProcessorAt;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.database;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.handledTypes;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.head;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.rawReadAndDeserialise;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.rebuild;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * Issue 17, points 3 and 4, for every read model over a year of history cloned from contacts and
 * a case made through the real API: each read model's rebuild against its own floor (the events
 * it handles, read with raw JDBC and deserialised) in the same run, then every live processor's
 * catch-up from the start of the log after an outage, against the raw read of the whole log.
 * Run with: ./mvnw -Pbenchmark verify -Dit.test=EveryReadModelBenchmark
 * (-Dbluelamp.benchmark.contacts=N; the default makes a log of about a million events).
 */
class EveryReadModelBenchmark {

    static final int CONTACTS = Integer.getInteger("bluelamp.benchmark.contacts", 120_000);
    /** Fewer events than one rebuild window: a rate over them says more about the run's set-up than its pace. */
    static final long TOO_FEW = RebuildMeasurements.PAGE;
    /** {@code -Dbluelamp.benchmark.read-models=queue,case-view}: only these rebuilt, and no catch-up, to profile them. */
    static final List<String> ONLY =
            List.of(System.getProperty("bluelamp.benchmark.read-models", "").split(","));

    /** {@code -Dbluelamp.benchmark.rebuild-rounds=N}: each read model rebuilt N times, the first cold. */
    static final int ROUNDS = Integer.getInteger("bluelamp.benchmark.rebuild-rounds", 2);

    /** {@code -Dbluelamp.benchmark.catch-up-alone=queue,chat}: each rewound and caught up by itself. */
    static final List<String> ALONE =
            List.of(System.getProperty("bluelamp.benchmark.catch-up-alone", "").split(","));

    /**
     * Every rebuildable read model's projection. {@code citizen-updates} is not one: it sends
     * notifications, and rewound would write to a year of citizens again, so it stays at the head.
     */
    static final Map<String, String> PROJECTIONS = Map.ofEntries(
            Map.entry("access-log", "uk.police.bluelamp.audit.access.AccessLogProjection"),
            Map.entry("unmatched-replies", "uk.police.bluelamp.casework.replies.UnmatchedRepliesProjection"),
            Map.entry("case-view", "uk.police.bluelamp.casework.casefile.CaseViewProjection"),
            Map.entry("victims-code-ledger", "uk.police.bluelamp.casework.ledger.LedgerProjection"),
            Map.entry("case-tracking", "uk.police.bluelamp.casework.tracking.TrackingProjection"),
            Map.entry("victim-support-referrals", "uk.police.bluelamp.casework.victimsupport.ReferralQueueProjection"),
            Map.entry("queue", "uk.police.bluelamp.contact.queue.QueueProjection"),
            Map.entry("handler-availability", "uk.police.bluelamp.contact.handler.AvailabilityProjection"),
            Map.entry("contact-view", "uk.police.bluelamp.contact.contactview.ContactViewProjection"),
            Map.entry("chat", "uk.police.bluelamp.contact.chat.ChatProjection"),
            Map.entry("canned-responses", "uk.police.bluelamp.contact.canned.CannedResponseProjection"),
            Map.entry("resourcing", ResourcingBackfillBenchmark.FACTS),
            Map.entry("staffing-plan", "uk.police.bluelamp.resourcing.staffing.StaffingPlanProjection"),
            Map.entry("signposting", "uk.police.bluelamp.resourcing.citizenreports.SignpostingProjection"),
            Map.entry("satisfaction", "uk.police.bluelamp.resourcing.citizenreports.SatisfactionProjection"));

    @Test
    void everyRebuildAndCatchUpAgainstRawRead() throws Exception {
        Path dataDir = AppProcess.testDir("every-read-model-data");
        try {
            long seeded = seedWithTheAppStopped(dataDir);
            if (!Boolean.getBoolean("bluelamp.benchmark.catch-up-only")) {
                rebuildEach(dataDir, seeded);
            } else {
                // As the rebuild phase leaves it: app killed, its PostgreSQL running on.
                AppProcess.start(dataDir, dataDir.resolve("app-between.log"))
                        .awaitReady(Duration.ofSeconds(300))
                        .kill();
            }
            if (!ALONE.contains("")) {
                // Each named processor rewound by itself, the others at the head: what one
                // processor's catch-up costs when it has the machine to itself.
                for (String processor : ALONE) {
                    catchUp(dataDir, seeded, Set.of(processor));
                    // The app stopped its PostgreSQL with it: started and killed, it leaves it running.
                    AppProcess.start(dataDir, dataDir.resolve("app-between.log"))
                            .awaitReady(Duration.ofSeconds(300))
                            .kill();
                }
            } else if (ONLY.contains("")) {
                catchUp(dataDir, seeded, PROJECTIONS.keySet());
            }
        } finally {
            AppProcess.postmasterOf(dataDir).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static long seedWithTheAppStopped(Path dataDir) throws Exception {
        // Victim Support is offered; nothing listens there, so each referral's first try fails.
        AppProcess app = AppProcess.start(
                        dataDir,
                        dataDir.resolve("app-seeding.log"),
                        List.of("--bluelamp.citizen-routes.victim-support.endpoint=http://127.0.0.1:9/referrals"),
                        Map.of())
                .awaitReady(Duration.ofSeconds(180));
        try (Connection jdbc = database(dataDir)) {
            long templatesFrom = head(jdbc);
            Map<String, String> trackingCodes = new HashMap<>();
            Map<String, String> templates = ResourcingBackfillBenchmark.templates(app.port(), jdbc, trackingCodes);
            String reference = TemplateCase.work(app.port(), jdbc, templates.get("web"), trackingCodes.get("web"));
            awaitEveryProcessorAt(jdbc, head(jdbc));
            awaitEveryProcessorAt(jdbc, head(jdbc));
            app.kill();
            long seeding = System.nanoTime();
            long before = head(jdbc);
            long contacts = ResourcingHistory.seed(
                    jdbc, templates, CONTACTS, ResourcingBackfillBenchmark.HANDLERS, ResourcingBackfillBenchmark.WEEKS);
            System.out.printf(
                    "seeded %,d contacts and shifts, %,d events, in %.1f s%n",
                    CONTACTS, contacts - before, seconds(seeding));
            long cases = System.nanoTime();
            long head = CaseHistory.seed(jdbc, reference, templates.get("web"), templatesFrom, before);
            System.out.printf(
                    "seeded their web reports' cases and views, %,d events, in %.1f s%n",
                    head - contacts, seconds(cases));
            long streams = System.nanoTime();
            System.out.printf(
                    "gave %,d cloned streams the stream row a real person's has, in %.1f s%n",
                    streamRowsForClones(jdbc, before), seconds(streams));
            try (Statement sql = jdbc.createStatement()) {
                long tidying = System.nanoTime();
                sql.execute("vacuum analyze domain_event_entry");
                sql.execute("checkpoint");
                System.out.printf("vacuum and checkpoint in %.1f s%n", seconds(tidying));
            }
            moveTokens(jdbc, head, allProcessors(jdbc));
            return head;
        } finally {
            app.kill();
        }
    }

    /**
     * A real person's streams each have a row naming them, so a rebuild's window of events fetches
     * one row and unwraps one key per stream (SubjectKeys.warmForReading). Clones keep their
     * template's subject in their sealed values and would otherwise have no row: that cost would
     * be missing from every figure that opens personal data.
     */
    private static int streamRowsForClones(Connection jdbc, long clonesFrom) throws Exception {
        try (PreparedStatement rows = jdbc.prepareStatement("""
                insert into personal_data_stream (stream_id, subject_id)
                select distinct on (e.aggregate_identifier) e.aggregate_identifier, s.subject
                from domain_event_entry e
                cross join lateral (
                    select substring(convert_from(e.payload, 'UTF8') from '"subject": ?"([^"]+)"') as subject) s
                where e.global_index > ? and s.subject is not null
                order by e.aggregate_identifier, e.global_index
                on conflict (stream_id) do nothing""")) {
            rows.setLong(1, clonesFrom);
            return rows.executeUpdate();
        }
    }

    private static void printLog(Connection jdbc) throws Exception {
        System.out.println("the log by type:");
        try (Statement sql = jdbc.createStatement();
                ResultSet rows = sql.executeQuery("select payload_type, count(*) from domain_event_entry "
                        + "group by payload_type order by count(*) desc")) {
            while (rows.next()) {
                String type = rows.getString(1);
                System.out.printf("  %-45s %,10d%n", type.substring(type.lastIndexOf('.') + 1), rows.getLong(2));
            }
        }
    }

    /** Point 3: each read model's rebuild beside its own floor, one after another on a quiet app. */
    private static void rebuildEach(Path dataDir, long head) throws Exception {
        List<String> table = new ArrayList<>();
        // The app restarts the PostgreSQL it finds running: connect once it is ready.
        try (AppProcess app = AppProcess.start(dataDir, dataDir.resolve("app-rebuilds.log"))
                        .awaitReady(Duration.ofSeconds(300));
                Connection jdbc = database(dataDir)) {
            printLog(jdbc);
            awaitEveryProcessorAt(jdbc, head);
            StaffSession auditor = StaffSession.signedIn(app.port(), "auditor", "blue-lamp-auditor");
            for (JsonNode model : StaffSession.json(auditor.get("/api/v1/audit/read-models"))) {
                String name = model.path("name").asText();
                String projection = PROJECTIONS.get(name);
                if (!ONLY.contains("") && !ONLY.contains(name)) {
                    continue;
                }
                if (projection == null) {
                    table.add(String.format("%-26s not in this benchmark's list", name));
                    continue;
                }
                String[] types = handledTypes(projection);
                long handled = count(jdbc, types);
                for (int round = 1; round <= ROUNDS; round++) {
                    String line = rebuildBesideFloor(app.port(), jdbc, name, types, handled, round);
                    table.add(line);
                    System.out.println(line);
                }
            }
            System.out.println(dead(jdbc));
            // Killed, so its PostgreSQL runs on for the catch-up's raw read with no app beside it.
            app.kill();
        }
        System.out.println();
        System.out.printf(
                "Every read model's rebuild over a log of %,d events (%d cores)%n",
                head, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "%-26s %10s  %12s  %12s  %-26s %9s%n",
                "read model", "handled", "raw events/s", "rebuild ev/s", "ratio", "whole run");
        table.forEach(System.out::println);
    }

    /**
     * One round: the floor read, then the rebuild. The first round of each read model is cold in
     * both JVMs (the app's JIT compiles the projection's and the rebuild's code as it runs, on the
     * same two cores); later rounds show the pace of a node whose JIT has compiled them, as a
     * node's has that has served its projections live.
     */
    private static String rebuildBesideFloor(
            int port, Connection jdbc, String name, String[] types, long handled, int round) throws Exception {
        String label = name + (ROUNDS > 1 ? (round == 1 ? " (cold)" : " (warm " + round + ")") : "");
        double raw = rawReadAndDeserialise(jdbc, types);
        long started = System.nanoTime();
        JsonNode run;
        try {
            run = rebuild(port, name);
        } catch (IllegalStateException failed) {
            return String.format("%-26s %,10d  %,12.0f  FAILED: %s", label, handled, raw, failed.getMessage());
        }
        double rebuilt = run.path("eventsPerSecond").asDouble();
        String ratio = handled < TOO_FEW
                ? "fewer than " + TOO_FEW + " events"
                : String.format("%.2f%s", rebuilt / raw, rebuilt / raw >= 0.5 ? "" : "  below 0.5");
        return String.format(
                "%-26s %,10d  %,12.0f  %,12.0f  %-26s %7.1f s", label, handled, raw, rebuilt, ratio, seconds(started));
    }

    /**
     * Point 4: an outage ends with every processor's tokens at the start of the log (not deleted:
     * that is a new read model's back-fill, ADR 0042); each one's pace from its first step to the head.
     */
    private static void catchUp(Path dataDir, long head, Set<String> rewound) throws Exception {
        Connection jdbc = database(dataDir);
        long start;
        try (Statement sql = jdbc.createStatement();
                ResultSet min = sql.executeQuery("select min(global_index) - 1 from domain_event_entry")) {
            min.next();
            start = min.getLong(1);
        }
        String[] every = allTypes(jdbc);
        double raw = rawReadAndDeserialise(jdbc, every);
        long all = count(jdbc, every);
        Map<String, Long> handled = new TreeMap<>();
        for (Map.Entry<String, String> projection : PROJECTIONS.entrySet()) {
            handled.put(projection.getKey(), count(jdbc, handledTypes(projection.getValue())));
        }
        emptyTheReadModels(jdbc, rewound);
        moveTokens(jdbc, start, rewound);
        jdbc.close();
        Map<String, long[]> progress = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        long launched = System.nanoTime();
        long ready = -1;
        String parked = "";
        try (AppProcess app = AppProcess.start(dataDir, dataDir.resolve("app-catch-up.log"))) {
            long giveUp = launched + Duration.ofMinutes(20).toNanos();
            boolean everyoneThere = false;
            jdbc = null;
            while (!everyoneThere && System.nanoTime() < giveUp) {
                Thread.sleep(100);
                if (ready < 0
                        && Files.exists(app.log())
                        && Files.readString(app.log()).contains("Blue Lamp is running at")) {
                    ready = System.nanoTime();
                }
                Map<String, long[]> lowestHighest = new LinkedHashMap<>();
                try {
                    // The app restarts the PostgreSQL it finds running: connect (again) once it is back.
                    if (jdbc == null || jdbc.isClosed()) {
                        jdbc = database(dataDir);
                    }
                    try (Statement sql = jdbc.createStatement();
                            ResultSet tokens = sql.executeQuery("select processor_name, token from token_entry")) {
                        while (tokens.next()) {
                            if (!rewound.contains(tokens.getString(1))) {
                                continue;
                            }
                            byte[] token = tokens.getBytes(2);
                            long index = token == null
                                    ? start
                                    : json.readTree(token).path("index").asLong(start);
                            long[] seen = lowestHighest.computeIfAbsent(
                                    tokens.getString(1), p -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                            seen[0] = Math.min(seen[0], index);
                            seen[1] = Math.max(seen[1], index);
                        }
                    }
                } catch (SQLException | IOException notYet) {
                    if (jdbc != null) {
                        jdbc.close();
                    }
                    jdbc = null;
                    continue;
                }
                long now = System.nanoTime();
                everyoneThere = !lowestHighest.isEmpty();
                for (Map.Entry<String, long[]> processor : lowestHighest.entrySet()) {
                    // began (its first step past the start), reached (every segment at the head); -1 until seen
                    long[] times = progress.computeIfAbsent(processor.getKey(), p -> new long[] {-1, -1});
                    if (times[0] < 0 && processor.getValue()[1] > start) {
                        times[0] = now;
                    }
                    if (times[1] < 0 && processor.getValue()[0] >= head) {
                        times[1] = now;
                    }
                    everyoneThere &= times[1] >= 0;
                }
            }
            if (jdbc != null) {
                parked = dead(jdbc);
                jdbc.close();
            }
        }
        System.out.println();
        System.out.printf(
                "Live catch-up from the start of a log of %,d events (%d cores); raw read + deserialise of the"
                        + " whole log %,.0f events/s; app ready after %.1f s%n",
                all, Runtime.getRuntime().availableProcessors(), raw, ready < 0 ? -1 : (ready - launched) / 1e9);
        System.out.printf(
                "%-26s %10s  %9s  %12s  %6s  %12s%n",
                "processor", "handled", "seconds", "all ev/s", "ratio", "handled ev/s");
        for (Map.Entry<String, long[]> processor : progress.entrySet()) {
            long[] times = processor.getValue();
            long handles = handled.getOrDefault(processor.getKey(), -1L);
            if (times[1] < 0) {
                System.out.printf("%-26s not at the head after 20 minutes%n", processor.getKey());
                continue;
            }
            double took = (times[1] - (times[0] < 0 ? launched : times[0])) / 1e9;
            System.out.printf(
                    "%-26s %10s  %9.1f  %,12.0f  %6.2f  %12s%n",
                    processor.getKey(),
                    handles < 0 ? "n/a" : String.format("%,d", handles),
                    took,
                    all / took,
                    all / took / raw,
                    handles < 0 ? "n/a" : String.format("%,.0f", handles / took));
        }
        System.out.println(parked);
    }

    /**
     * An outage as long as the log: every event is new to the read models, as after an outage the
     * events appended during it are. Re-applied to tables that already hold them, some projections
     * refuse them (the access log's COPY meets its own primary key) and the figures would be of that.
     */
    private static void emptyTheReadModels(Connection jdbc, Set<String> rewound) throws Exception {
        List<String> tables = new ArrayList<>();
        for (String name : rewound) {
            tables.addAll(List.of(Class.forName(PROJECTIONS.get(name))
                    .getAnnotation(uk.police.bluelamp.platform.readmodel.ReadModel.class)
                    .tables()));
        }
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("truncate " + String.join(", ", tables) + " cascade");
            sql.execute("delete from dead_letter_entry");
        }
        System.out.printf("emptied %d read-model tables%n", tables.size());
    }

    /** These processors' every segment at one index of the log, unclaimed; token rows are never deleted. */
    private static void moveTokens(Connection jdbc, long index, Set<String> processors) throws Exception {
        try (PreparedStatement sql = jdbc.prepareStatement("update token_entry set owner = null, token_type = "
                + "'org.axonframework.eventhandling.GapAwareTrackingToken', token = convert_to('{\"index\":' || ? "
                + "|| ',\"gaps\":[]}', 'UTF8') where processor_name = any(?)")) {
            sql.setLong(1, index);
            sql.setArray(2, jdbc.createArrayOf("varchar", processors.toArray()));
            System.out.printf("moved %d token rows to %,d%n", sql.executeUpdate(), index);
        }
    }

    private static Set<String> allProcessors(Connection jdbc) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Statement sql = jdbc.createStatement();
                ResultSet rows = sql.executeQuery("select distinct processor_name from token_entry")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long count(Connection jdbc, String[] types) throws Exception {
        try (PreparedStatement sql =
                jdbc.prepareStatement("select count(*) from domain_event_entry where payload_type = any(?)")) {
            sql.setArray(1, jdbc.createArrayOf("varchar", types));
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String[] allTypes(Connection jdbc) throws Exception {
        List<String> types = new ArrayList<>();
        try (Statement sql = jdbc.createStatement();
                ResultSet rows = sql.executeQuery("select distinct payload_type from domain_event_entry")) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }
        return types.toArray(String[]::new);
    }

    private static String dead(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select processing_group, count(*) from dead_letter_entry " + "group by processing_group")) {
            StringBuilder parked = new StringBuilder("parked sequences:");
            while (rows.next()) {
                parked.append(' ').append(rows.getString(1)).append('=').append(rows.getLong(2));
            }
            return parked.toString();
        }
    }
}
