package uk.police.bluelamp.app.cluster;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import uk.police.bluelamp.app.ProcessorTokens;
import uk.police.bluelamp.app.StaffSession;

/** What ClusterIT reads from the shared database and the citizen requests it repeats. */
final class ClusterData {

    private final Cluster cluster;

    ClusterData(Cluster cluster) {
        this.cluster = cluster;
    }

    String startChat(int port) {
        HttpResponse<String> started = new StaffSession(port)
                .post("/api/v1/chats", Map.of("topic", "Noise from the flat above", "anyoneInDanger", false));
        if (started.statusCode() != 201 && started.statusCode() != 200) {
            throw new AssertionError("chat not started: " + started.statusCode() + " " + started.body());
        }
        return StaffSession.json(started).path("contactId").asText();
    }

    HttpResponse<String> requestCallback(StaffSession citizen, String clientAddress) {
        String start = Instant.now()
                .plus(Duration.ofMinutes(10))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/callbacks"))
                .header("Content-Type", "application/json")
                // nginx appends its own client (loopback) and the app believes what loopback says.
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(
                        """
                        {"name":"Pat","phone":"07700 900124","topic":"About my report","windowStart":"%s",
                         "windowEnd":"%s","anyoneInDanger":false}""".formatted(start, Instant.parse(start).plus(Duration.ofHours(2)))))
                .build());
    }

    static List<Integer> firstAcceptedThenRefused(int accepted, int refused) {
        return IntStream.range(0, accepted + refused)
                .mapToObj(i -> i < accepted ? 201 : 429)
                .toList();
    }

    void awaitWaiting(String contactId) {
        await().atMost(ClusterIT.WAIT)
                .until(() -> "WAITING".equals(single("select state from queue_item where contact_id = ?", contactId)));
    }

    long eventsOf(String aggregate, String type) throws SQLException {
        return Long.parseLong(single(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                aggregate,
                "%." + type));
    }

    long eventsContaining(String text) throws SQLException {
        return Long.parseLong(single(
                "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                "%" + text + "%"));
    }

    long reportsFiled() throws SQLException {
        return Long.parseLong(
                single("select count(*) from domain_event_entry where payload_type like ?", "%.CaseOpened"));
    }

    /** Processor name to the owners of its segments (an unclaimed segment counts as the owner "none"). */
    Map<String, Set<String>> ownersOfProcessorsWithSeveralSegments() throws SQLException {
        Map<String, Set<String>> owners = new TreeMap<>();
        Map<String, Integer> segments = new TreeMap<>();
        for (List<String> row : rows("select processor_name, coalesce(owner, 'none') from token_entry")) {
            owners.computeIfAbsent(row.get(0), name -> new HashSet<>()).add(row.get(1));
            segments.merge(row.get(0), 1, Integer::sum);
        }
        owners.keySet().removeIf(processor -> segments.get(processor) < 2);
        return owners;
    }

    List<String> owners() throws SQLException {
        return rows("select owner from token_entry").stream()
                .map(row -> row.get(0))
                .toList();
    }

    int nodeOwningMost() throws SQLException {
        return segmentsOwnedBy(0, null) >= segmentsOwnedBy(1, null) ? 0 : 1;
    }

    int nodeOwningFewest(String processor) throws SQLException {
        return segmentsOwnedBy(0, processor) <= segmentsOwnedBy(1, processor) ? 0 : 1;
    }

    private long segmentsOwnedBy(int node, String processor) throws SQLException {
        String owner = Cluster.ownerPrefix(node) + "%";
        return processor == null
                ? Long.parseLong(single("select count(*) from token_entry where owner like ?", owner))
                : Long.parseLong(single(
                        "select count(*) from token_entry where owner like ? and processor_name = ?",
                        owner,
                        processor));
    }

    /** The references not (yet) in the tracking view, after giving the projection time to catch up. */
    Set<String> missingFromTracking(Collection<String> references) {
        Set<String> missing = new HashSet<>(references);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            try {
                missing.removeAll(rows("select reference from case_tracking where reference = any (?)", (Object)
                                missing.toArray(String[]::new))
                        .stream()
                        .map(row -> row.get(0))
                        .collect(Collectors.toSet()));
                if (!missing.isEmpty()) {
                    Thread.sleep(200);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return missing;
    }

    long duplicatedTimelineEntries() throws SQLException {
        return Long.parseLong(single("""
                select count(*) from (select reference, title, at from case_timeline group by reference, title, at
                                      having count(*) > 1) doubled"""));
    }

    void awaitProcessorsAtHead() throws Exception {
        try (Connection jdbc = cluster.database()) {
            long head = Long.parseLong(single("select coalesce(max(global_index), -1) from domain_event_entry"));
            ProcessorTokens.awaitEveryProcessorAt(jdbc, head);
        }
    }

    private String single(String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection jdbc = cluster.database();
                PreparedStatement query = jdbc.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof String[] array) {
                    query.setArray(i + 1, jdbc.createArrayOf("varchar", array));
                } else {
                    query.setObject(i + 1, parameter);
                }
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
