package uk.police.bluelamp.casework.retention;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
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
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;
import uk.police.bluelamp.platform.retention.DisposeRequest;
import uk.police.bluelamp.platform.retention.ExtendRequest;
import uk.police.bluelamp.platform.retention.RetentionReviews;

/**
 * The MoPI review queue for DATA_PROTECTION reviewers and admins (docs/adr/0029-retention-reviews.md).
 * The queue holds no personal data (reference, category, dates), so reading it needs no reason.
 */
@RestController
class RetentionController {

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
        Instant overdueBefore = clock.instant().minus(RetentionReviews.REVIEW_WITHIN);
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
        Instant next = RetentionReviews.nextReview(request == null ? null : request.nextReviewDue());
        commands.sendAsStaff(
                new ExtendRetention(ref(reference), request.reason(), next, reviewer.getName(), clock.instant()),
                reviewer.getName());
        return ResponseEntity.noContent().build();
    }

    /** Disposal, then erasure (DisposalErasure.disposeThenErase). */
    @PostMapping("/api/v1/staff/retention/reviews/{reference}/dispose")
    ResponseEntity<Disposed> dispose(
            @PathVariable String reference,
            @RequestBody(required = false) DisposeRequest request,
            Authentication reviewer) {
        String reason = request == null ? null : request.reason();
        String erasureId = erasure.disposeThenErase(
                () -> commands.sendAsStaff(
                        new DisposeOfCase(ref(reference), reason, reviewer.getName(), clock.instant()),
                        reviewer.getName()),
                CaseAlreadyDisposed.class,
                ref(reference),
                reason,
                reviewer.getName());
        return ResponseEntity.ok(new Disposed(ref(reference), erasureId));
    }

    private static String ref(String reference) {
        return reference.trim().toUpperCase(Locale.ROOT);
    }
}
