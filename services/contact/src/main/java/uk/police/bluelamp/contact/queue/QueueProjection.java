package uk.police.bluelamp.contact.queue;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactDisposed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactRetentionExtended;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * Keeps every channel's queue. Writes are idempotent or absolute, so a redelivered event
 * leaves the same row. Live consoles hear of changes from QueueAnnouncer, not from here.
 * <p>
 * Half the events of the log are the queue's, so a batch's changes are gathered per contact and
 * written when it commits in a few statements (QueueChanges), live and in a rebuild alike
 * ({@link BatchedWrites}); row by row, a rebuild ran at a tenth of the rate it reads the log.
 * What each handler computes from its event, and what it requires of it, is as it was when each
 * ran its own statements, so an event that failed then fails now, in its handler.
 */
@Component
@ProcessingGroup(QueueProjection.PROCESSING_GROUP)
// Its personal columns (name, number, summary) come from the four ways a contact arrives; the
// rest of its events' sealed values (a closing note, a call's number again) it never reads.
@ReadModel(
        tables = {"queue_item", "contact_party"},
        opens = {ContactReceived.class, ChatStarted.class, CallRang.class, CallbackRequested.class})
class QueueProjection {

    static final String PROCESSING_GROUP = "queue";
    static final int SUMMARY_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final BatchedWrites<QueueChanges> writes;

    QueueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, QueueProjection.class, QueueChanges::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from queue_item");
        jdbc.update("delete from contact_party");
    }

    @EventHandler
    void on(ContactReceived event, @MessageIdentifier String id) {
        arrive(
                id,
                event.contactId(),
                event.channel(),
                event.receivedAt(),
                event.details().description(),
                event.caseReference(),
                event.reporter(),
                event.details().category().name(),
                event.language());
    }

    @EventHandler
    void on(ChatStarted event, @MessageIdentifier String id) {
        arrive(
                id,
                event.contactId(),
                Channel.CHAT,
                event.at(),
                event.topic(),
                null,
                new Reporter(event.citizenName(), null, null),
                null,
                event.language());
    }

    @EventHandler
    void on(CallRang event, @MessageIdentifier String id) {
        String from = event.call().withheld() ? null : event.call().from();
        String summary = from == null ? "Call from a withheld number" : "Call from " + from;
        arrive(
                id,
                event.contactId(),
                Channel.PHONE,
                event.at(),
                summary,
                null,
                new Reporter(null, null, from),
                null,
                event.call().language());
    }

    @EventHandler
    void on(CallbackRequested event, @MessageIdentifier String id) {
        // A call-back waits from the start of the window the citizen chose, not from the request.
        arrive(
                id,
                event.contactId(),
                Channel.CALLBACK,
                event.windowStart(),
                event.topic(),
                event.caseReference(),
                new Reporter(event.name(), null, event.phone()),
                null,
                event.language());
    }

    @EventHandler
    void on(ContactAssigned event, @MessageIdentifier String id) {
        String handler = Objects.requireNonNull(event.handler());
        Instant at = micros(event.at());
        item(id, event.contactId(), row -> {
            row.state = "ASSIGNED";
            row.handler = handler;
            row.answeredAt = first(row.answeredAt, at);
        });
    }

    @EventHandler
    void on(ContactTransferred event, @MessageIdentifier String id) {
        if (event.toHandler() == null) {
            // A transfer that asks for no skill keeps the one the contact already needed.
            String skill = event.neededSkill();
            item(id, event.contactId(), row -> {
                row.state = "WAITING";
                row.handler = null;
                row.neededSkill = skill != null ? skill : row.neededSkill;
            });
        }
    }

    @EventHandler
    void on(ContactAbandoned event, @MessageIdentifier String id) {
        Instant at = micros(event.at());
        item(id, event.contactId(), row -> {
            row.state = "ABANDONED";
            row.abandoned = true;
            row.endedAt = first(row.endedAt, at);
        });
    }

    @EventHandler
    void on(CallAnswered event, @MessageIdentifier String id) {
        if (event.afterHangup()) {
            // The hangup overtook its answer: the call was answered after all, not abandoned.
            Instant at = Unnest.micros(event.at());
            String handler = event.handler();
            item(id, event.contactId(), row -> {
                row.abandoned = false;
                row.answeredAt = first(row.answeredAt, at);
                row.handler = row.handler != null ? row.handler : handler;
                row.state = row.handler == null ? "CLOSED" : "ASSIGNED";
            });
        }
    }

    @EventHandler
    void on(CallEnded event, @MessageIdentifier String id) {
        ended(id, event.contactId(), event.at());
    }

    @EventHandler
    void on(ChatEnded event, @MessageIdentifier String id) {
        ended(id, event.contactId(), event.at());
    }

    @EventHandler
    void on(ChatMessagePosted event, @MessageIdentifier String id) {
        if (event.author() == ChatAuthor.CITIZEN) {
            Instant at = micros(event.at());
            item(id, event.contactId(), row -> {
                row.unanswered++;
                row.waitingSince = first(row.waitingSince, at);
            });
        } else if (event.author() == ChatAuthor.HANDLER) {
            item(id, event.contactId(), row -> {
                row.unanswered = 0;
                row.waitingSince = null;
            });
        }
    }

    @EventHandler
    void on(CallbackAttempted event, @MessageIdentifier String id) {
        if (event.retryAt() != null) {
            Instant retryAt = micros(event.retryAt());
            item(id, event.contactId(), row -> {
                row.state = "WAITING";
                row.handler = null;
                row.queuedAt = retryAt;
            });
        }
    }

    @EventHandler
    void on(ContactTriaged event, @MessageIdentifier String id) {
        int priority = event.triage().grade().priority();
        String grade = event.triage().grade().name();
        item(id, event.contactId(), row -> {
            row.priority = priority;
            row.grade = grade;
        });
    }

    /** The summary's category may call for a skill (QueueItem reads it with the configured mapping). */
    @EventHandler
    void on(ContactLinkedToCase event, @MessageIdentifier String id) {
        String reference = event.reference();
        String category = event.category() == null ? null : event.category().name();
        writes.write(id, changes -> {
            changes.item(event.contactId(), row -> {
                row.reference = reference;
                row.summaryCategory = category;
            });
            changes.party(event.contactId(), row -> row.reference = reference);
        });
    }

    @EventHandler
    void on(ContactClosed event, @MessageIdentifier String id) {
        Instant at = micros(event.at());
        item(id, event.contactId(), row -> {
            row.state = "CLOSED";
            row.closedAt = first(row.closedAt, at);
        });
    }

    @EventHandler
    void on(ContactRetentionExtended event, @MessageIdentifier String id) {
        Instant until = micros(event.nextReviewDueAt());
        item(id, event.contactId(), row -> row.retentionKeptUntil = until);
    }

    @EventHandler
    void on(ContactDisposed event, @MessageIdentifier String id) {
        Instant at = micros(event.at());
        item(id, event.contactId(), row -> row.disposedAt = first(row.disposedAt, at));
    }

    private void arrive(
            String id,
            String contactId,
            Channel channel,
            Instant at,
            String summary,
            String reference,
            Reporter party,
            String category,
            Language language) {
        String oneLine = summary(summary);
        String phone = party.phone();
        QueueChanges.Arrival arrival = new QueueChanges.Arrival(
                contactId,
                channel.name(),
                at,
                oneLine,
                reference,
                phone,
                category,
                language.name(),
                PhoneNumbers.normalise(phone),
                PartyKeys.email(party.email()),
                PartyKeys.name(party.name()));
        writes.write(id, changes -> changes.arrived(arrival));
    }

    private void ended(String id, String contactId, Instant at) {
        Instant endedAt = micros(at);
        item(id, contactId, row -> row.endedAt = first(row.endedAt, endedAt));
    }

    private void item(String id, String contactId, QueueChanges.Change<QueueRow> change) {
        writes.write(id, changes -> changes.item(contactId, change));
    }

    /** A moment the statement bound with Map.of, which took no null. */
    private static Instant micros(Instant at) {
        return Unnest.micros(Objects.requireNonNull(at));
    }

    /** As coalesce(column, :at). */
    private static Instant first(Instant kept, Instant at) {
        return kept != null ? kept : at;
    }

    static String summary(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
