package uk.police.bluelamp.audit.replay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.audit.replay.ReadModels.Rebuildable;
import uk.police.bluelamp.platform.web.Problems;

/** Auditors and admins rebuild read models and watch the progress and the comparison. */
@RestController
class ReplayController {

    /** {@code eventsPerSecond}: a slower pace than the configured ceiling, to spare a busy system. */
    record ReplayRequest(String readModel, Integer eventsPerSecond) {}

    private final ReadModels readModels;
    private final Replays replays;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReplayController(ReadModels readModels, Replays replays, JdbcTemplate jdbc, ObjectMapper json) {
        this.readModels = readModels;
        this.replays = replays;
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/v1/audit/read-models")
    List<Map<String, Object>> readModels() {
        return readModels.all().stream()
                .map(m -> Map.<String, Object>of("name", m.name(), "processor", m.name(), "tables", m.tables()))
                .toList();
    }

    @PostMapping("/api/v1/audit/replays")
    ResponseEntity<?> start(@RequestBody(required = false) ReplayRequest request, Principal who) {
        String name = request == null ? null : request.readModel();
        var readModel = name == null ? Optional.<Rebuildable>empty() : readModels.named(name);
        if (readModel.isEmpty()) {
            return ResponseEntity.unprocessableEntity()
                    .body(Map.of(
                            "title",
                            "Choose a read model to rebuild",
                            "readModels",
                            readModels.all().stream().map(Rebuildable::name).toList()));
        }
        if (request.eventsPerSecond() != null && request.eventsPerSecond() < 1) {
            return ResponseEntity.unprocessableEntity()
                    .body(Map.of("title", "A pace must be at least 1 event a second"));
        }
        return replays.start(readModel.get(), who.getName(), request.eventsPerSecond())
                .<ResponseEntity<?>>map(
                        id -> ResponseEntity.status(HttpStatus.ACCEPTED).body(find(id)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Map.of("title", "That read model is already being rebuilt")));
    }

    @GetMapping("/api/v1/audit/replays/{id}")
    ResponseEntity<?> replay(@PathVariable String id) {
        Map<String, Object> run = find(id);
        return run == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(run);
    }

    /** Its starter or an admin stops a rebuild; the live read model stays as it was. */
    @PostMapping("/api/v1/audit/replays/{id}/cancel")
    ResponseEntity<?> cancel(@PathVariable String id, Authentication who) {
        Map<String, Object> run = find(id);
        if (run == null) {
            return ResponseEntity.notFound().build();
        }
        boolean admin =
                who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && !who.getName().equals(run.get("requestedBy"))) {
            return Problems.titled(
                    HttpStatus.FORBIDDEN, "Only the auditor who started this rebuild, or an admin, can cancel it");
        }
        if ("SCRUB".equals(run.get("kind"))) {
            return Problems.titled(HttpStatus.CONFLICT, "A rebuild that scrubs an erasure cannot be cancelled");
        }
        UUID runId = UUID.fromString(id);
        if (!replays.cancel(runId, who.getName())) {
            return Problems.titled(
                    HttpStatus.CONFLICT, "Only a running rebuild can be cancelled; this one is " + run.get("state"));
        }
        return ResponseEntity.ok(find(runId));
    }

    @GetMapping("/api/v1/audit/replays")
    List<Map<String, Object>> recent() {
        return jdbc.query("select * from replay_run order by started_at desc limit 20", this::run);
    }

    /** Null for an id that names no run, or is no id at all. */
    private Map<String, Object> find(String id) {
        try {
            return find(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private Map<String, Object> find(UUID id) {
        return jdbc.query("select * from replay_run where id = ?", this::run, id).stream()
                .findFirst()
                .orElse(null);
    }

    private Map<String, Object> run(ResultSet row, int n) throws SQLException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", row.getString("id"));
        run.put("readModel", row.getString("read_model"));
        run.put("requestedBy", row.getString("requested_by"));
        run.put("startedAt", instant(row.getTimestamp("started_at")));
        run.put("finishedAt", instant(row.getTimestamp("finished_at")));
        run.put("state", row.getString("state"));
        run.put("kind", row.getString("kind"));
        run.put("eventsDone", row.getLong("events_done"));
        run.put("eventsTotal", row.getLong("events_total"));
        run.put("eventsPerSecond", Math.round(row.getDouble("events_per_second")));
        run.put("tables", tables(row.getString("report")));
        run.put("error", row.getString("error"));
        return run;
    }

    private List<Map<String, Object>> tables(String report) {
        if (report == null) {
            return List.of();
        }
        try {
            return json.readValue(report, new TypeReference<>() {});
        } catch (IOException unreadable) {
            throw new IllegalStateException("Unreadable replay report", unreadable);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
