package uk.police.bluelamp.audit.deadletters;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.platform.web.Problems;

/**
 * Dead letters for ADMINs (see SecurityConfiguration), and how many there are for supervisors,
 * auditors and admins, whose pages warn while any exist. No payload is shown: the event's
 * personal data stays where the access log guards it (the audit trail, with a reason).
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/v1/admin/dead-letters")
    List<DeadLetters.Parked> all() {
        return deadLetters.all();
    }

    /** How many events wait, in which read models. */
    @Schema(name = "DeadLetterCount")
    record Count(
            @Schema(requiredMode = REQUIRED) long deadLetters,
            @Schema(requiredMode = REQUIRED) Set<String> readModels) {}

    @PostMapping("/api/v1/admin/dead-letters/{id}/retry")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeadLetters.Retried.class)))
    ResponseEntity<?> retry(@PathVariable String id, Principal admin) {
        DeadLetters.Retried retried = deadLetters.retry(id, admin.getName());
        if (retried.outcome() == DeadLetters.Outcome.NOT_FOUND) {
            return notFound();
        }
        return ResponseEntity.ok(retried);
    }

    @DeleteMapping("/api/v1/admin/dead-letters/{id}")
    @ApiResponse(responseCode = "204", description = "Evicted", content = @Content)
    ResponseEntity<?> evict(@PathVariable String id, Principal admin) {
        return deadLetters.evict(id, admin.getName())
                ? ResponseEntity.noContent().build()
                : notFound();
    }

    /** How many events wait, in how many read models: enough for a warning, nothing about them. */
    @GetMapping("/api/v1/staff/supervisor/dead-letters")
    Count count() {
        Map<String, Long> byReadModel = deadLetters.countByReadModel();
        return new Count(
                byReadModel.values().stream().mapToLong(Long::longValue).sum(), byReadModel.keySet());
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "There is no such dead letter",
                "There is no such dead letter: it may have been retried or evicted already");
    }
}
