package uk.police.bluelamp.audit.access;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.platform.web.Problems;

/** Who viewed a case, or what one member of staff viewed; newest first. */
@RestController
class AccessLogController {

    static final int MOST_ROWS = 500;

    private final JdbcClient jdbc;

    AccessLogController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One look at a record, from the access_log read model. */
    @Schema(name = "AccessEntry")
    record AccessEntry(
            @Schema(requiredMode = REQUIRED) String eventId,
            @Schema(requiredMode = REQUIRED) Instant viewedAt,
            @Schema(requiredMode = REQUIRED) String viewer,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"CASE", "CONTACT"})
            String subjectType,

            @Schema(requiredMode = REQUIRED) String subjectId,
            String reference,
            @Schema(requiredMode = REQUIRED) String view,
            String reason) {}

    @GetMapping("/api/v1/audit/access")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AccessEntry.class))))
    ResponseEntity<?> access(
            @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String viewer) {
        if (reference.isBlank() == viewer.isBlank()) {
            return Problems.titled(HttpStatus.BAD_REQUEST, "Give either a case reference or a staff username");
        }
        boolean byCase = !reference.isBlank();
        List<AccessEntry> rows = jdbc.sql("""
                        select event_id, viewed_at, viewer, subject_type, subject_id, reference, view, reason
                        from access_log where %s = :value order by viewed_at desc limit :most
                        """.formatted(byCase ? "reference" : "viewer"))
                .param("value", byCase ? reference.strip().toUpperCase(Locale.ROOT) : viewer.strip())
                .param("most", MOST_ROWS)
                .query((row, n) -> new AccessEntry(
                        row.getString("event_id"),
                        row.getTimestamp("viewed_at").toInstant(),
                        row.getString("viewer"),
                        row.getString("subject_type"),
                        row.getString("subject_id"),
                        row.getString("reference"),
                        row.getString("view"),
                        row.getString("reason")))
                .list();
        return ResponseEntity.ok(rows);
    }
}
