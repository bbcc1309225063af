package uk.police.bluelamp.contact.queue;

import static uk.police.bluelamp.contact.queue.QueueItem.ts;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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

/**
 * The queue's statements as the projection ran them for each event before it gathered batches
 * (QueueProjection at ce30c05, unchanged but for its annotations and reset): the reference
 * QueueProjectionBatchTest holds the batched writes to.
 */
class RowByRowQueue {

    private final JdbcClient jdbc;

    RowByRowQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContactReceived event) {
        arrive(
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
    void on(ChatStarted event) {
        arrive(
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
    void on(CallRang event) {
        String from = event.call().withheld() ? null : event.call().from();
        String summary = from == null ? "Call from a withheld number" : "Call from " + from;
        arrive(
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
    void on(CallbackRequested event) {
        // A call-back waits from the start of the window the citizen chose, not from the request.
        arrive(
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
    void on(ContactAssigned event) {
        change(event.contactId(), """
                update queue_item set state = 'ASSIGNED', handler = :handler,
                       answered_at = coalesce(answered_at, :at)
                where contact_id = :id
                """, Map.of("handler", event.handler(), "at", ts(event.at())));
    }

    @EventHandler
    void on(ContactTransferred event) {
        if (event.toHandler() == null) {
            // A transfer that asks for no skill keeps the one the contact already needed.
            change(event.contactId(), """
                    update queue_item set state = 'WAITING', handler = null, needed_skill = coalesce(:skill, needed_skill)
                    where contact_id = :id
                    """, Collections.singletonMap("skill", event.neededSkill()));
        }
    }

    @EventHandler
    void on(ContactAbandoned event) {
        change(event.contactId(), """
                update queue_item set state = 'ABANDONED', abandoned = true, ended_at = coalesce(ended_at, :at)
                where contact_id = :id
                """, Map.of("at", ts(event.at())));
    }

    @EventHandler
    void on(CallAnswered event) {
        if (event.afterHangup()) {
            // The hangup overtook its answer: the call was answered after all, not abandoned.
            change(event.contactId(), """
                    update queue_item set abandoned = false, answered_at = coalesce(answered_at, :at),
                           handler = coalesce(handler, :handler),
                           state = case when coalesce(handler, :handler) is null then 'CLOSED' else 'ASSIGNED' end
                    where contact_id = :id
                    """, nullable("at", ts(event.at()), "handler", event.handler()));
        }
    }

    @EventHandler
    void on(CallEnded event) {
        change(
                event.contactId(),
                "update queue_item set ended_at = coalesce(ended_at, :at) where contact_id = :id",
                Map.of("at", ts(event.at())));
    }

    @EventHandler
    void on(ChatEnded event) {
        change(
                event.contactId(),
                "update queue_item set ended_at = coalesce(ended_at, :at) where contact_id = :id",
                Map.of("at", ts(event.at())));
    }

    @EventHandler
    void on(ChatMessagePosted event) {
        if (event.author() == ChatAuthor.CITIZEN) {
            change(event.contactId(), """
                    update queue_item set unanswered = unanswered + 1, waiting_since = coalesce(waiting_since, :at)
                    where contact_id = :id
                    """, Map.of("at", ts(event.at())));
        } else if (event.author() == ChatAuthor.HANDLER) {
            change(
                    event.contactId(),
                    "update queue_item set unanswered = 0, waiting_since = null where contact_id = :id",
                    Map.of());
        }
    }

    @EventHandler
    void on(CallbackAttempted event) {
        if (event.retryAt() != null) {
            change(event.contactId(), """
                    update queue_item set state = 'WAITING', handler = null, queued_at = :retryAt
                    where contact_id = :id
                    """, Map.of("retryAt", ts(event.retryAt())));
        }
    }

    @EventHandler
    void on(ContactTriaged event) {
        change(
                event.contactId(),
                "update queue_item set priority = :priority, grade = :grade where contact_id = :id",
                Map.of(
                        "priority",
                        event.triage().grade().priority(),
                        "grade",
                        event.triage().grade().name()));
    }

    /** The summary's category may call for a skill (QueueItem reads it with the configured mapping). */
    @EventHandler
    void on(ContactLinkedToCase event) {
        change(
                event.contactId(),
                "update queue_item set reference = :reference, summary_category = :category where contact_id = :id",
                nullable(
                        "reference",
                        event.reference(),
                        "category",
                        event.category() == null ? null : event.category().name()));
        jdbc.sql("update contact_party set reference = :reference where contact_id = :id")
                .param("reference", event.reference())
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(ContactClosed event) {
        change(event.contactId(), """
                update queue_item set state = 'CLOSED', closed_at = coalesce(closed_at, :at) where contact_id = :id
                """, Map.of("at", ts(event.at())));
    }

    @EventHandler
    void on(ContactRetentionExtended event) {
        change(
                event.contactId(),
                "update queue_item set retention_kept_until = :until where contact_id = :id",
                Map.of("until", ts(event.nextReviewDueAt())));
    }

    @EventHandler
    void on(ContactDisposed event) {
        change(
                event.contactId(),
                "update queue_item set disposed_at = coalesce(disposed_at, :at) where contact_id = :id",
                Map.of("at", ts(event.at())));
    }

    private void arrive(
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
        jdbc.sql("""
                insert into queue_item (contact_id, channel, state, queued_at, first_queued_at, summary, reference,
                                        from_number, category, language)
                values (:id, :channel, 'WAITING', :at, :at, :summary, :reference, :from, :category, :language)
                on conflict (contact_id) do nothing
                """)
                .param("id", contactId)
                .param("channel", channel.name())
                .param("at", ts(at))
                .param("summary", oneLine)
                .param("reference", reference)
                .param("from", phone)
                .param("category", category)
                .param("language", language.name())
                .update();
        jdbc.sql("""
                insert into contact_party (contact_id, phone, email, name_key, channel, at, summary, reference)
                values (:id, :phone, :email, :name, :channel, :at, :summary, :reference)
                on conflict (contact_id) do nothing
                """)
                .param("id", contactId)
                .param("phone", PhoneNumbers.normalise(phone))
                .param("email", PartyKeys.email(party.email()))
                .param("name", PartyKeys.name(party.name()))
                .param("channel", channel.name())
                .param("at", ts(at))
                .param("summary", oneLine)
                .param("reference", reference)
                .update();
    }

    private void change(String contactId, String sql, Map<String, ?> params) {
        var statement = jdbc.sql(sql).param("id", contactId);
        for (Map.Entry<String, ?> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        statement.update();
    }

    private static Map<String, Object> nullable(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> params = new HashMap<>();
        params.put(k1, v1);
        params.put(k2, v2);
        return params;
    }

    static String summary(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= QueueProjection.SUMMARY_LENGTH
                ? oneLine
                : oneLine.substring(0, QueueProjection.SUMMARY_LENGTH - 1) + "…";
    }
}
