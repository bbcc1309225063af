package uk.police.bluelamp.audit.access;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who viewed a case, or what one member of staff viewed; newest first. */
@RestController
class AccessLogController {

    static final int MOST_ROWS = 500;

    private final JdbcClient jdbc;

    AccessLogController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/audit/access")
    ResponseEntity<?> access(
            @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String viewer) {
        if (reference.isBlank() == viewer.isBlank()) {
            return ResponseEntity.badRequest()
                    .body(Map.of("title", "Give either a case reference or a staff username"));
        }
        boolean byCase = !reference.isBlank();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select event_id as "eventId", viewed_at as "viewedAt", viewer, subject_type as "subjectType",
                               subject_id as "subjectId", reference, view, reason
                        from access_log where %s = :value order by viewed_at desc limit :most
                        """.formatted(byCase ? "reference" : "viewer"))
                .param("value", byCase ? reference.strip().toUpperCase(Locale.ROOT) : viewer.strip())
                .param("most", MOST_ROWS)
                .query()
                .listOfRows();
        return ResponseEntity.ok(
                rows.stream().map(AccessLogController::withInstant).toList());
    }

    private static Map<String, Object> withInstant(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        if (copy.get("viewedAt") instanceof Timestamp at) {
            copy.put("viewedAt", at.toInstant());
        }
        return copy;
    }
}
