package uk.police.bluelamp.contact.retention;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.contact.ContactAlreadyDisposed;
import uk.police.bluelamp.contact.contact.ContactIds;
import uk.police.bluelamp.contact.contact.ContactRetention;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.DisposeOfContact;
import uk.police.bluelamp.messages.contact.command.ExtendContactRetention;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;
import uk.police.bluelamp.platform.retention.DisposeRequest;
import uk.police.bluelamp.platform.retention.ExtendRequest;
import uk.police.bluelamp.platform.retention.RetentionReviews;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * The review queue's second half: contacts that never became part of a case (a chat, a call or
 * a call-back that was advice only), due once their period after closing has passed. Rows hold
 * no personal data (id, channel, dates); the Contact aggregate decides whether a review is due.
 */
@RestController
class ContactRetentionController {

    static final int MOST_ROWS = 500;

    /** erasureId is the erasure that followed, or "already erased". */
    @Schema(name = "ContactDisposed")
    record Disposed(
            @Schema(requiredMode = REQUIRED) String contactId,
            @Schema(requiredMode = REQUIRED) String erasureId) {}

    @Schema(name = "ContactRetentionReview")
    record Review(
            @Schema(requiredMode = REQUIRED) String contactId,

            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(requiredMode = REQUIRED) Instant closedAt,
            @Schema(requiredMode = REQUIRED) Instant reviewDueAt,
            @Schema(requiredMode = REQUIRED) boolean overdue) {}

    private final Commands commands;
    private final DisposalErasure erasure;
    private final ContactRetention retention;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactRetentionController(
            Commands commands, DisposalErasure erasure, ContactRetention retention, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.erasure = erasure;
        this.retention = retention;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/v1/staff/retention/contacts")
    List<Review> due() {
        Instant now = clock.instant();
        Instant closedBefore = now.atZone(ZoneOffset.UTC)
                .minus(retention.contactsWithoutCase())
                .toInstant();
        return jdbc.sql("""
                        select contact_id, channel, coalesce(closed_at, ended_at) finished, retention_kept_until
                        from queue_item
                        where reference is null and state in ('CLOSED', 'ABANDONED') and disposed_at is null
                          and ((retention_kept_until is null and coalesce(closed_at, ended_at) <= :closedBefore)
                               or retention_kept_until <= :now)
                        order by coalesce(retention_kept_until, coalesce(closed_at, ended_at)), contact_id
                        limit :most
                        """)
                .param("closedBefore", Timestamp.from(closedBefore))
                .param("now", Timestamp.from(now))
                .param("most", MOST_ROWS)
                .query((row, n) -> {
                    Instant closed = row.getTimestamp("finished").toInstant();
                    Timestamp kept = row.getTimestamp("retention_kept_until");
                    Instant due = kept != null ? kept.toInstant() : retention.reviewDue(closed);
                    return new Review(
                            row.getString("contact_id"),
                            row.getString("channel"),
                            closed,
                            due,
                            due.isBefore(now.minus(RetentionReviews.REVIEW_WITHIN)));
                })
                .list();
    }

    @PostMapping("/api/v1/staff/retention/contacts/{contactId}/extend")
    ResponseEntity<Void> extend(
            @PathVariable String contactId,
            @RequestBody(required = false) ExtendRequest request,
            Authentication reviewer) {
        String reason = reason(request == null ? null : request.reason());
        Instant next = RetentionReviews.nextReview(request == null ? null : request.nextReviewDue());
        commands.sendAsStaff(
                new ExtendContactRetention(id(contactId), reason, next, reviewer.getName(), clock.instant()),
                reviewer.getName());
        return ResponseEntity.noContent().build();
    }

    /** Disposal, then erasure, as for cases (DisposalErasure.disposeThenErase). */
    @PostMapping("/api/v1/staff/retention/contacts/{contactId}/dispose")
    ResponseEntity<Disposed> dispose(
            @PathVariable String contactId,
            @RequestBody(required = false) DisposeRequest request,
            Authentication reviewer) {
        String reason = reason(request == null ? null : request.reason());
        String erasureId = erasure.disposeThenErase(
                () -> commands.sendAsStaff(
                        new DisposeOfContact(id(contactId), reason, reviewer.getName(), clock.instant()),
                        reviewer.getName()),
                ContactAlreadyDisposed.class,
                id(contactId),
                reason,
                reviewer.getName());
        return ResponseEntity.ok(new Disposed(id(contactId), erasureId));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidRequest.of("reason", "Enter the reason or decision number");
        }
        return reason.strip();
    }

    private static String id(String contactId) {
        if (!ContactIds.isWellFormed(contactId)) {
            throw InvalidRequest.of("contactId", "There is no such contact");
        }
        return contactId;
    }
}
