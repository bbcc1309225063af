package uk.police.bluelamp.app.audit;

import static org.awaitility.Awaitility.await;
import static uk.police.bluelamp.app.ProcessorTokens.awaitEveryProcessorAt;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.database;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.handledTypes;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.head;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.print;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.rawReadAndDeserialise;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.rebuild;
import static uk.police.bluelamp.app.audit.RebuildMeasurements.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * The contact-centre figures' back-fill at a year of history: a rebuild of the {@code resourcing}
 * read model (contact_fact, handler_span) over a million contacts of every channel, against the
 * floor under any replay, the same events read with raw JDBC and deserialised, in the same run.
 * The history is cloned from contacts made through the real API, so every event is stored as the
 * app stores it (personal data sealed), and spread over a year by hour of day and day of week.
 * Run with: ./mvnw -Pbenchmark verify -Dit.test=ResourcingBackfillBenchmark
 * (-Dbluelamp.benchmark.contacts=N for another size).
 */
class ResourcingBackfillBenchmark {

    static final int CONTACTS = Integer.getInteger("bluelamp.benchmark.contacts", 1_000_000);
    static final int HANDLERS = 120;
    static final int WEEKS = 52;
    static final String FACTS = "uk.police.bluelamp.resourcing.facts.ContactCentreFacts";
    private static final String CTI = "/api/v1/cti/demo-cti-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Each kind of contact's life, as the app records it: the template cloned for the year. */
    private static final Map<String, List<String>> LIVES = Map.of(
            "web", List.of("ContactReceived", "ContactAssigned", "ContactClosed"),
            "chat", List.of("ChatStarted", "ContactAssigned", "ChatEnded", "ContactClosed"),
            "chat-abandoned", List.of("ChatStarted", "ContactAbandoned", "ChatEnded"),
            "phone", List.of("CallRang", "CallAnswered", "ContactAssigned", "CallEnded", "ContactClosed"),
            "phone-abandoned", List.of("CallRang", "CallEnded", "ContactAbandoned"),
            "callback", List.of("CallbackRequested", "ContactAssigned", "ContactClosed"));

    @Test
    void backfillAgainstRawReadAndDeserialise() throws Exception {
        Path dataDir = AppProcess.testDir("resourcing-backfill-data");
        try {
            long seeded = seedWithTheAppStopped(dataDir);
            try (AppProcess app = AppProcess.start(dataDir, dataDir.resolve("app.log"))
                            .awaitReady(Duration.ofSeconds(300));
                    Connection jdbc = database(dataDir)) {
                awaitEveryProcessorAt(jdbc, seeded);
                double raw = rawReadAndDeserialise(jdbc, handledTypes(FACTS));
                JsonNode run = rebuild(app.port(), "resourcing");
                print("resourcing", run, raw);
                checkEveryContactIsThere(jdbc);
            }
        } finally {
            AppProcess.postmasterOf(dataDir).ifPresent(ProcessHandle::destroyForcibly);
            // Two to seven GB a run: kept, a few runs fill the disk.
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /**
     * Real contacts first, then the year cloned from them with the app killed (its PostgreSQL
     * runs on), and every processor's token moved past the clones: at three to four million
     * events the live processors would take far longer to catch up than the rebuild, and would
     * compete with it for the cores. The live read models lack the year, as on the day a new
     * read model meets an old log; the rebuild reads it all.
     */
    private static long seedWithTheAppStopped(Path dataDir) throws Exception {
        AppProcess app =
                AppProcess.start(dataDir, dataDir.resolve("app-seeding.log")).awaitReady(Duration.ofSeconds(180));
        try (Connection jdbc = database(dataDir)) {
            Map<String, String> templates = templates(app.port(), jdbc);
            awaitEveryProcessorAt(jdbc, head(jdbc));
            app.kill();
            long seeding = System.nanoTime();
            long before = head(jdbc);
            long head = ResourcingHistory.seed(jdbc, templates, CONTACTS, HANDLERS, WEEKS);
            System.out.printf(
                    "seeded %,d contacts and their handlers' shifts, %,d events, in %.1f s%n",
                    CONTACTS, head - before, seconds(seeding));
            try (Statement sql = jdbc.createStatement()) {
                long tidying = System.nanoTime();
                sql.execute("vacuum analyze domain_event_entry");
                sql.execute("checkpoint");
                System.out.printf("vacuum and checkpoint in %.1f s%n", seconds(tidying));
                sql.executeUpdate("update token_entry set owner = null, token_type = "
                        + "'org.axonframework.eventhandling.GapAwareTrackingToken', token = convert_to('{\"index\":"
                        + head + ",\"gaps\":[]}', 'UTF8')");
            }
            return head;
        } finally {
            app.kill();
        }
    }

    /** One contact of each kind through the public API and the handler's console; kind → contact id. */
    static Map<String, String> templates(int port, Connection jdbc) throws Exception {
        return templates(port, jdbc, new LinkedHashMap<>());
    }

    /** As above; {@code trackingCodes} gets the web report's tracking code, by the kind "web". */
    static Map<String, String> templates(int port, Connection jdbc, Map<String, String> trackingCodes)
            throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        expect(204, handler.put("/api/v1/staff/availability", Map.of("status", "AVAILABLE")));
        Map<String, String> templates = new LinkedHashMap<>();

        JsonNode web = StaffSession.json(
                expect(201, new Api(port).report(Api.validReport()).raw()));
        trackingCodes.put("web", web.path("trackingCode").asText());
        templates.put("web", latest(jdbc, "ContactReceived"));
        JsonNode chat = StaffSession.json(expect(
                201,
                new StaffSession(port)
                        .post("/api/v1/chats", Map.of("topic", "Noise next door", "anyoneInDanger", false))));
        templates.put("chat", chat.path("contactId").asText());
        StaffSession citizen = new StaffSession(port);
        JsonNode leaving = StaffSession.json(
                expect(201, citizen.post("/api/v1/chats", Map.of("topic", "Parking", "anyoneInDanger", false))));
        templates.put("chat-abandoned", leaving.path("contactId").asText());
        Instant window = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        JsonNode callback = StaffSession.json(expect(
                201,
                new StaffSession(port)
                        .post(
                                "/api/v1/callbacks",
                                Map.of(
                                        "name",
                                        "Alex Jones",
                                        "phone",
                                        "07700900123",
                                        "topic",
                                        "Lost wallet",
                                        "windowStart",
                                        window.toString(),
                                        "windowEnd",
                                        window.plus(Duration.ofHours(2)).toString(),
                                        "anyoneInDanger",
                                        false))));
        templates.put("callback", callback.path("contactId").asText());
        templates.put("phone", "call-template-answered");
        templates.put("phone-abandoned", "call-template-abandoned");

        for (String kind : List.of("web", "chat", "callback")) {
            String id = templates.get(kind);
            await().atMost(WAIT)
                    .until(() -> handler.post("/api/v1/staff/contacts/" + id + "/take", null)
                                    .statusCode()
                            == 200);
        }
        expect(204, handler.post("/api/v1/staff/contacts/" + templates.get("chat") + "/chat/end", Map.of()));
        expect(
                204,
                citizen.send(HttpRequest.newBuilder(
                                citizen.uri("/api/v1/chats/" + templates.get("chat-abandoned") + "/end"))
                        .header("X-Chat-Token", leaving.path("chatToken").asText())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()));
        StaffSession telephony = new StaffSession(port);
        cti(telephony, "event=newCall&callId=template-answered");
        cti(telephony, "event=answer&callId=template-answered&user=handler");
        cti(telephony, "event=hangup&callId=template-answered&cause=normalClearing");
        cti(telephony, "event=newCall&callId=template-abandoned");
        cti(telephony, "event=hangup&callId=template-abandoned&cause=normalClearing");
        for (String kind : List.of("web", "chat", "phone", "callback")) {
            expect(
                    204,
                    handler.post(
                            "/api/v1/staff/contacts/" + templates.get(kind) + "/close",
                            Map.of("outcome", "Advice given")));
        }
        for (Map.Entry<String, String> template : templates.entrySet()) {
            List<String> life = LIVES.get(template.getKey());
            await().atMost(WAIT).until(() -> life.equals(eventTypes(jdbc, template.getValue())));
        }
        return templates;
    }

    private static void cti(StaffSession telephony, String form) {
        expect(200, telephony.postForm(CTI, form + "&from=07700900001&to=101&direction=in"));
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String latest(Connection jdbc, String type) throws Exception {
        try (Statement sql = jdbc.createStatement();
                ResultSet row = sql.executeQuery("select aggregate_identifier from domain_event_entry "
                        + "where payload_type like '%." + type + "' order by global_index desc limit 1")) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> eventTypes(Connection jdbc, String contactId) throws Exception {
        List<String> types = new ArrayList<>();
        try (var sql = jdbc.prepareStatement("select payload_type from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number")) {
            sql.setString(1, contactId);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return types;
    }

    /**
     * Every clone deserialised and was applied: no sequence parked, a row for every contact
     * offered, and as many answered, abandoned, ended and closed as the log says, a span for
     * every change of availability.
     */
    private static void checkEveryContactIsThere(Connection jdbc) throws Exception {
        String counts = """
                select (select count(*) from dead_letter_entry where processing_group = 'resourcing'),
                  (select count(*) from contact_fact),
                  (select count(distinct aggregate_identifier) from domain_event_entry where payload_type ~
                      '\\.(ContactReceived|ChatStarted|CallRang|CallbackRequested)$'),
                  (select count(answered_at) from contact_fact),
                  (select count(distinct aggregate_identifier) from domain_event_entry
                      where payload_type ~ '\\.ContactAssigned$'),
                  (select count(abandoned_at) from contact_fact),
                  (select count(distinct aggregate_identifier) from domain_event_entry
                      where payload_type ~ '\\.ContactAbandoned$'),
                  (select count(ended_at) from contact_fact),
                  (select count(distinct aggregate_identifier) from domain_event_entry
                      where payload_type ~ '\\.(CallEnded|ChatEnded|ContactAbandoned)$'),
                  (select count(closed_at) from contact_fact),
                  (select count(distinct aggregate_identifier) from domain_event_entry
                      where payload_type ~ '\\.ContactClosed$'),
                  (select count(*) from handler_span),
                  (select count(*) from domain_event_entry where payload_type ~ '\\.HandlerAvailabilityChanged$')
                """;
        try (Statement sql = jdbc.createStatement();
                ResultSet row = sql.executeQuery(counts)) {
            row.next();
            List<String> wrong = new ArrayList<>();
            if (row.getLong(1) != 0) {
                wrong.add(row.getLong(1) + " parked");
            }
            String[] what = {"contacts", "answered", "abandoned", "ended", "closed", "handler spans"};
            for (int i = 0; i < what.length; i++) {
                long rows = row.getLong(2 + 2 * i);
                long events = row.getLong(3 + 2 * i);
                System.out.printf("  %-15s %,10d rows for %,10d in the log%n", what[i], rows, events);
                if (rows != events) {
                    wrong.add(what[i]);
                }
            }
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("the rebuilt figures differ from the log: "
                        + wrong.stream().collect(Collectors.joining(", ")));
            }
        }
    }
}
