package uk.police.bluelamp.app.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.messages.StoredNames;
import uk.police.bluelamp.platform.eventstore.StoredEvent;

/**
 * What the rebuild benchmarks share: the floor under any replay (the same events read with raw
 * JDBC and deserialised, in the windows the rebuild reads), an auditor's rebuild through the
 * API, and the figures printed side by side.
 */
final class RebuildMeasurements {

    /** The rebuild's own window of global index (bluelamp.audit.replay.batch-size). */
    static final int PAGE = 10_000;

    private RebuildMeasurements() {}

    /** The embedded PostgreSQL of an app's data directory, where it listens now. */
    static Connection database(Path dataDir) throws IOException, SQLException {
        String port = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    static long head(Connection jdbc) throws SQLException {
        try (Statement sql = jdbc.createStatement();
                ResultSet max = sql.executeQuery("select max(global_index) from domain_event_entry")) {
            max.next();
            return max.getLong(1);
        }
    }

    /** The stored names of the events a projection handles: those its rebuild reads. */
    static String[] handledTypes(String projection) throws ClassNotFoundException {
        Set<String> types = new LinkedHashSet<>();
        for (Method method : Class.forName(projection).getDeclaredMethods()) {
            if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0) {
                types.add(StoredNames.of(method.getParameterTypes()[0]));
            }
        }
        return types.toArray(String[]::new);
    }

    /**
     * The same pages the rebuild reads (the same columns, the same windows of global index),
     * each payload and its metadata deserialised by Axon's Jackson serializer: the most a replay
     * could do. A sealed personal value is read as its ciphertext, not opened: the floor leaves
     * out the decryption the rebuild does, so it is, if anything, too high.
     */
    static double rawReadAndDeserialise(Connection jdbc, String[] types) throws Exception {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper()
                        .findAndRegisterModules()
                        // As Spring Boot's mapper, which the app's serializer is built on.
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .registerModule(new SimpleModule().addDeserializer(String.class, new SealedAsText())))
                .build();
        long head = head(jdbc);
        long started = System.nanoTime();
        long count = 0;
        try (PreparedStatement page = jdbc.prepareStatement("select " + StoredEvent.COLUMNS
                + " from domain_event_entry where global_index > ? and global_index <= ? "
                + "and payload_type = any(?) order by global_index")) {
            page.setArray(3, jdbc.createArrayOf("varchar", types));
            for (long after = -1; after < head; after += PAGE) {
                page.setLong(1, after);
                page.setLong(2, after + PAGE);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        StoredEvent event = StoredEvent.from(rows);
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                                event.payload(),
                                byte[].class,
                                StoredNames.className(event.payloadType()),
                                event.payloadRevision()));
                        Map<String, ?> metaData = serializer.deserialize(new SimpleSerializedObject<>(
                                event.metaData(), byte[].class, MetaData.class.getName(), null));
                        // An unknown type would come back unread, and make the floor look higher than it is.
                        if (payload == null || payload instanceof UnknownSerializedType || metaData == null) {
                            throw new IllegalStateException("undeserialisable event " + event.globalIndex());
                        }
                        count++;
                    }
                }
            }
        }
        return count / seconds(started);
    }

    /** An auditor's rebuild of the read model, through the API, waited for until it completes. */
    static JsonNode rebuild(int port, String readModel) throws InterruptedException {
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        JsonNode run = StaffSession.json(auditor.post("/api/v1/audit/replays", Map.of("readModel", readModel)));
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

    static void print(String readModel, JsonNode run, double raw) {
        double replay = run.path("eventsPerSecond").asDouble();
        System.out.println();
        System.out.printf(
                "Blue Lamp read-model replay over %,d events (%d cores)%n",
                run.path("eventsDone").asLong(), Runtime.getRuntime().availableProcessors());
        System.out.printf("  baseline: raw JDBC read + deserialise   %,10.0f events/s%n", raw);
        System.out.printf("  %-40s%,10.0f events/s%n", "rebuild of " + readModel + " (replay)", replay);
        System.out.printf("  ratio replay / raw                      %10.2f%n", replay / raw);
        System.out.printf(
                "  whole run incl. comparison and swap     %10.1f s%n",
                Duration.between(
                                        Instant.parse(run.path("startedAt").asText()),
                                        Instant.parse(run.path("finishedAt").asText()))
                                .toMillis()
                        / 1000.0);
        System.out.println("  tables: " + run.path("tables"));
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A sealed personal value ({"pii":…,"sealed":…}) read as its ciphertext, as plain Jackson can. */
    private static final class SealedAsText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                JsonNode sealed = parser.readValueAsTree();
                return sealed.path("sealed").asText();
            }
            return super.deserialize(parser, context);
        }
    }
}
