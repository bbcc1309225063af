package uk.police.bluelamp.audit.replay;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.audit.replay.ReadModels.Rebuildable;
import uk.police.bluelamp.audit.replay.ShadowTables.Comparison;
import uk.police.bluelamp.platform.web.Problems;

/** Auditors and admins rebuild read models and watch the progress and the comparison. */
@RestController
class ReplayController {

    /** {@code eventsPerSecond}: a slower pace than the configured ceiling, to spare a busy system. */
    record ReplayRequest(
            @Schema(
                    requiredMode = REQUIRED,
                    pattern = READ_MODEL_NAME,
                    description = "A name from GET /api/v1/audit/read-models")
            String readModel,

            @Schema(minimum = "1") Integer eventsPerSecond) {}

    /** Read models are named as their processing groups. */
    static final String READ_MODEL_NAME = "[a-z][a-z-]*";

    @Schema(name = "ReadModel")
    record ReadModel(
            @Schema(requiredMode = REQUIRED) String name,

            @Schema(requiredMode = REQUIRED, description = "Its tracking processor, named as the read model")
            String processor,

            @Schema(requiredMode = REQUIRED) List<String> tables) {}

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
    List<ReadModel> readModels() {
        return readModels.all().stream()
                .map(m -> new ReadModel(m.name(), m.name(), m.tables()))
                .toList();
    }

    @PostMapping("/api/v1/audit/replays")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = ReplayRun.class)))
    ResponseEntity<?> start(@RequestBody(required = false) ReplayRequest request, Principal who) {
        String name = request == null ? null : request.readModel();
        var readModel = name == null ? Optional.<Rebuildable>empty() : readModels.named(name);
        if (readModel.isEmpty()) {
            ProblemDetail problem = Problems.detail(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Choose a read model to rebuild",
                    "Choose a read model to rebuild");
            problem.setProperty(
                    "readModels",
                    readModels.all().stream().map(Rebuildable::name).toList());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        if (request.eventsPerSecond() != null && request.eventsPerSecond() < 1) {
            return Problems.titled(HttpStatus.UNPROCESSABLE_ENTITY, "A pace must be at least 1 event a second");
        }
        return replays.start(readModel.get(), who.getName(), request.eventsPerSecond())
                .<ResponseEntity<?>>map(
                        id -> ResponseEntity.status(HttpStatus.ACCEPTED).body(find(id).orElseThrow()))
                .orElseGet(() -> Problems.titled(HttpStatus.CONFLICT, "That read model is already being rebuilt"));
    }

    @GetMapping("/api/v1/audit/replays/{id}")
    ResponseEntity<ReplayRun> replay(@PathVariable String id) {
        return ResponseEntity.of(find(id));
    }

    /** Its starter or an admin stops a rebuild; the live read model stays as it was. */
    @PostMapping("/api/v1/audit/replays/{id}/cancel")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReplayRun.class)))
    ResponseEntity<?> cancel(@PathVariable String id, Authentication who) {
        ReplayRun run = find(id).orElse(null);
        if (run == null) {
            return ResponseEntity.notFound().build();
        }
        boolean admin =
                who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && !who.getName().equals(run.requestedBy())) {
            return Problems.titled(
                    HttpStatus.FORBIDDEN, "Only the auditor who started this rebuild, or an admin, can cancel it");
        }
        if (run.scrub()) {
            return Problems.titled(HttpStatus.CONFLICT, "A rebuild that scrubs an erasure cannot be cancelled");
        }
        if (run.backFill()) {
            return Problems.titled(
                    HttpStatus.CONFLICT,
                    "A new read model's back-fill cannot be cancelled: without it, the read model lacks its history");
        }
        UUID runId = UUID.fromString(id);
        if (!replays.cancel(runId, who.getName())) {
            return Problems.titled(
                    HttpStatus.CONFLICT, "Only a running rebuild can be cancelled; this one is " + run.state());
        }
        return ResponseEntity.of(find(runId));
    }

    @GetMapping("/api/v1/audit/replays")
    List<ReplayRun> recent() {
        return jdbc.query("select * from replay_run order by started_at desc limit 20", this::run);
    }

    /** Empty for an id that names no run, or is no id at all. */
    private Optional<ReplayRun> find(String id) {
        try {
            return find(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private Optional<ReplayRun> find(UUID id) {
        return jdbc.query("select * from replay_run where id = ?", this::run, id).stream()
                .findFirst();
    }

    private ReplayRun run(ResultSet row, int n) throws SQLException {
        return new ReplayRun(
                row.getString("id"),
                row.getString("read_model"),
                row.getString("requested_by"),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")),
                row.getString("state"),
                row.getString("kind"),
                row.getLong("events_done"),
                row.getLong("events_total"),
                Math.round(row.getDouble("events_per_second")),
                tables(row.getString("report")),
                row.getString("error"));
    }

    private List<Comparison> tables(String report) {
        if (report == null) {
            return List.of();
        }
        try {
            return json.readValue(report, new TypeReference<List<Comparison>>() {});
        } catch (IOException unreadable) {
            throw new IllegalStateException("Unreadable replay report", unreadable);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
