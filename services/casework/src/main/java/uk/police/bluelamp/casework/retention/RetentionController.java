package uk.police.bluelamp.casework.retention;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.casework.casefile.CaseAlreadyDisposed;
import uk.police.bluelamp.messages.casefile.command.DisposeOfCase;
import uk.police.bluelamp.messages.casefile.command.ExtendRetention;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;

/**
 * The MoPI review queue for DATA_PROTECTION reviewers and admins (docs/adr/0029-retention-reviews.md).
 * The queue holds no personal data (reference, category, dates), so reading it needs no reason.
 */
@RestController
class RetentionController {

    /** A due review left longer than this is overdue on the queue. */
    static final Duration REVIEW_WITHIN = Duration.ofDays(30);

    @Schema(name = "CaseExtendRequest")
    record ExtendRequest(@MultiLine String reason, String nextReviewDue) {}

    @Schema(name = "CaseDisposeRequest")
    record DisposeRequest(@MultiLine String reason) {}

    /** erasureId is the erasure that followed, or "already erased". */
    @Schema(name = "CaseDisposed")
    record Disposed(
            @Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) String erasureId) {}

    @Schema(name = "CaseRetentionReview")
    record Review(
            @Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) String category,
            @Schema(requiredMode = REQUIRED) Instant reviewDueAt,
            @Schema(requiredMode = REQUIRED) boolean overdue) {}

    private final Commands commands;
    private final DisposalErasure erasure;
    private final JdbcClient jdbc;
    private final Clock clock;

    RetentionController(Commands commands, DisposalErasure erasure, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.erasure = erasure;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/v1/staff/retention/reviews")
    List<Review> due() {
        Instant overdueBefore = clock.instant().minus(REVIEW_WITHIN);
        return jdbc.sql("""
                select reference, category, retention_review_due from case_view
                where retention_state = 'DUE' order by retention_review_due, reference
                """)
                .query((row, n) -> {
                    Instant due = row.getTimestamp("retention_review_due").toInstant();
                    return new Review(
                            row.getString("reference"), row.getString("category"), due, due.isBefore(overdueBefore));
                })
                .list();
    }

    @PostMapping("/api/v1/staff/retention/reviews/{reference}/extend")
    ResponseEntity<Void> extend(
            @PathVariable String reference,
            @RequestBody(required = false) ExtendRequest request,
            Authentication reviewer) {
        if (request == null
                || request.nextReviewDue() == null
                || request.nextReviewDue().isBlank()) {
            throw new IllegalArgumentException("Give the date of the next review, as YYYY-MM-DD");
        }
        Instant next;
        try {
            next = LocalDate.parse(request.nextReviewDue().strip())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Give the date of the next review, as YYYY-MM-DD");
        }
        commands.sendAsStaff(
                new ExtendRetention(ref(reference), request.reason(), next, reviewer.getName(), clock.instant()),
                reviewer.getName());
        return ResponseEntity.noContent().build();
    }

    /**
     * The case records its disposal first, so a review not due is refused before anything is
     * erased. If the erasure did not follow (the node stopped in between), disposing again
     * finishes it; once both are done, disposing again is refused (409).
     */
    @PostMapping("/api/v1/staff/retention/reviews/{reference}/dispose")
    ResponseEntity<Disposed> dispose(
            @PathVariable String reference,
            @RequestBody(required = false) DisposeRequest request,
            Authentication reviewer) {
        String reason = request == null ? null : request.reason();
        CaseAlreadyDisposed finishing = null;
        try {
            commands.sendAsStaff(
                    new DisposeOfCase(ref(reference), reason, reviewer.getName(), clock.instant()), reviewer.getName());
        } catch (CaseAlreadyDisposed already) {
            finishing = already;
        }
        var erased = erasure.erasePersonOf(ref(reference), reason.strip(), reviewer.getName());
        if (finishing != null && erased.isEmpty()) {
            throw finishing;
        }
        return ResponseEntity.ok(
                new Disposed(ref(reference), erased.map(Object::toString).orElse("already erased")));
    }

    private static String ref(String reference) {
        return reference.trim().toUpperCase(Locale.ROOT);
    }
}
