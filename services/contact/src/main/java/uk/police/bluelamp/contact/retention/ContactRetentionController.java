package uk.police.bluelamp.contact.retention;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.contact.ContactAlreadyDisposed;
import uk.police.bluelamp.contact.contact.ContactRetention;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.DisposeOfContact;
import uk.police.bluelamp.messages.contact.command.ExtendContactRetention;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * The review queue's second half: contacts that never became part of a case (a chat, a call or
 * a call-back that was advice only), due once their period after closing has passed. Rows hold
 * no personal data (id, channel, dates); the Contact aggregate decides whether a review is due.
 */
@RestController
class ContactRetentionController {

    /** A due review left longer than this is overdue on the queue, as for cases. */
    static final Duration REVIEW_WITHIN = Duration.ofDays(30);

    static final int MOST_ROWS = 500;
    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Schema(name = "ContactExtendRequest")
    record ExtendRequest(@MultiLine String reason, String nextReviewDue) {}

    @Schema(name = "ContactDisposeRequest")
    record DisposeRequest(@MultiLine String reason) {}

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
                            due.isBefore(now.minus(REVIEW_WITHIN)));
                })
                .list();
    }

    @PostMapping("/api/v1/staff/retention/contacts/{contactId}/extend")
    ResponseEntity<Void> extend(
            @PathVariable String contactId,
            @RequestBody(required = false) ExtendRequest request,
            Authentication reviewer) {
        String reason = reason(request == null ? null : request.reason());
        Instant next = nextReview(request == null ? null : request.nextReviewDue());
        commands.sendAsStaff(
                new ExtendContactRetention(id(contactId), reason, next, reviewer.getName(), clock.instant()),
                reviewer.getName());
        return ResponseEntity.noContent().build();
    }

    /**
     * The contact records its disposal first, so a review not due is refused before anything is
     * erased; disposing again finishes an erasure that did not follow, as for cases.
     */
    @PostMapping("/api/v1/staff/retention/contacts/{contactId}/dispose")
    ResponseEntity<Disposed> dispose(
            @PathVariable String contactId,
            @RequestBody(required = false) DisposeRequest request,
            Authentication reviewer) {
        String reason = reason(request == null ? null : request.reason());
        ContactAlreadyDisposed finishing = null;
        try {
            commands.sendAsStaff(
                    new DisposeOfContact(id(contactId), reason, reviewer.getName(), clock.instant()),
                    reviewer.getName());
        } catch (ContactAlreadyDisposed already) {
            finishing = already;
        }
        var erased = erasure.erasePersonOf(id(contactId), reason, reviewer.getName());
        if (finishing != null && erased.isEmpty()) {
            throw finishing;
        }
        return ResponseEntity.ok(
                new Disposed(id(contactId), erased.map(Object::toString).orElse("already erased")));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidRequest.of("reason", "Enter the reason or decision number");
        }
        return reason.strip();
    }

    private static Instant nextReview(String date) {
        try {
            return LocalDate.parse(date == null ? "" : date.strip())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("nextReviewDue", "Give the date of the next review, as YYYY-MM-DD");
        }
    }

    private static String id(String contactId) {
        if (!CONTACT_ID.matcher(contactId).matches()) {
            throw InvalidRequest.of("contactId", "There is no such contact");
        }
        return contactId;
    }
}
