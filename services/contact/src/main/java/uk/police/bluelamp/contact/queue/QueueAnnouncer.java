package uk.police.bluelamp.contact.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.handler.HandlerProfiles;
import uk.police.bluelamp.contact.handler.Skills;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LivePush;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatIdleWarned;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;

/**
 * Tells live consoles and waiting citizens what just happened to a contact. It runs in the
 * thread that stored the event (a subscribing processor), so the push leaves the moment the
 * change commits instead of waiting for a projection to poll; it is never replayed. The
 * item is built from the event itself, over what the queue read model last knew.
 * A failed push is logged and never fails the citizen's or handler's command.
 */
@Component
@ProcessingGroup(QueueAnnouncer.PROCESSING_GROUP)
class QueueAnnouncer {

    static final String PROCESSING_GROUP = "live";
    private static final Logger log = LoggerFactory.getLogger(QueueAnnouncer.class);

    static final int REMEMBERED = 2000;

    private final QueueReads reads;
    private final LivePush push;
    /**
     * What this node last announced per contact. It is newer than the read model, which trails
     * by a moment: a call that rings and hangs up in one go must still be announced abandoned.
     */
    private final Map<String, QueueItem> lastAnnounced =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, QueueItem> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private final HandlerProfiles handlers;
    private final Skills skills;

    QueueAnnouncer(QueueReads reads, LivePush push, HandlerProfiles handlers, Skills skills) {
        this.reads = reads;
        this.push = push;
        this.handlers = handlers;
        this.skills = skills;
    }

    @EventHandler
    void on(ContactReceived event) {
        arrived(
                event.contactId(),
                event.channel(),
                event.receivedAt(),
                event.details().category().name(),
                event.caseReference(),
                event.language());
    }

    @EventHandler
    void on(ChatStarted event) {
        arrived(event.contactId(), Channel.CHAT, event.at(), null, null, event.language());
    }

    @EventHandler
    void on(CallRang event) {
        arrived(
                event.contactId(),
                Channel.PHONE,
                event.at(),
                null,
                null,
                event.call().language());
    }

    @EventHandler
    void on(CallbackRequested event) {
        arrived(
                event.contactId(),
                Channel.CALLBACK,
                event.windowStart(),
                null,
                event.caseReference(),
                event.language());
    }

    @EventHandler
    void on(ContactAssigned event) {
        changed(event.contactId(), item -> with(item, "ASSIGNED", event.handler(), item.priority(), item.grade()));
        if (event.channel() == Channel.CHAT) {
            safely(() -> push.toTopic(
                    Destinations.chat(event.contactId()),
                    Map.of("type", "state", "state", "ACTIVE", "handlerName", handlers.forCitizens(event.handler()))));
        }
    }

    @EventHandler
    void on(ContactTransferred event) {
        if (event.toHandler() == null) {
            changed(
                    event.contactId(),
                    item -> with(item, "WAITING", null, item.priority(), item.grade())
                            .needing(neededSkill(event, item), skills));
        }
    }

    /** Asked for at the transfer, else what the summary's category needed (the read model has it by now). */
    private String neededSkill(ContactTransferred event, QueueItem item) {
        if (event.neededSkill() != null) {
            return event.neededSkill();
        }
        return reads.item(event.contactId()).map(QueueItem::neededSkill).orElse(item.neededSkill());
    }

    @EventHandler
    void on(ContactAbandoned event) {
        changed(event.contactId(), item -> with(item, "ABANDONED", item.handler(), item.priority(), item.grade()));
        if (event.channel() == Channel.CHAT) {
            safely(() ->
                    push.toTopic(Destinations.chat(event.contactId()), Map.of("type", "state", "state", "ABANDONED")));
        }
    }

    @EventHandler
    void on(ContactClosed event) {
        changed(event.contactId(), item -> with(item, "CLOSED", item.handler(), item.priority(), item.grade()));
    }

    @EventHandler
    void on(CallbackAttempted event) {
        if (event.retryAt() != null) {
            changed(
                    event.contactId(),
                    item -> new QueueItem(
                            item.contactId(),
                            item.channel(),
                            "WAITING",
                            item.priority(),
                            item.grade(),
                            event.retryAt(),
                            item.category(),
                            item.categoryLabel(),
                            item.reference(),
                            null,
                            false,
                            0,
                            null,
                            item.neededSkill(),
                            item.neededSkillLabel(),
                            item.language()));
        }
    }

    @EventHandler
    void on(ContactTriaged event) {
        changed(
                event.contactId(),
                item -> with(
                        item,
                        item.state(),
                        item.handler(),
                        event.triage().grade().priority(),
                        event.triage().grade().name()));
    }

    @EventHandler
    void on(ChatEnded event) {
        safely(() -> push.lastOnTopic(
                Destinations.chat(event.contactId()),
                Map.of(
                        "type",
                        "state",
                        "state",
                        "ENDED",
                        "endedBy",
                        event.endedBy().name(),
                        "endReason",
                        event.why().name())));
    }

    /** The handler on the call sees at once that the caller has gone, rather than talking to no one. */
    @EventHandler
    void on(CallEnded event) {
        safely(() -> Optional.ofNullable(lastAnnounced.get(event.contactId()))
                .or(() -> reads.item(event.contactId()))
                .map(QueueItem::handler)
                .ifPresent(handler -> push.toUser(
                        handler,
                        Destinations.CONTACT_EVENTS,
                        Map.of(
                                "type",
                                "call-ended",
                                "contactId",
                                event.contactId(),
                                "cause",
                                event.cause() == null ? "" : event.cause().name()))));
    }

    /** A chat's citizen fetches their new case's reference and code with their chat token (ChatCaseCodes). */
    @EventHandler
    void on(ContactLinkedToCase event) {
        if (event.channel() == Channel.CHAT) {
            safely(() -> push.toTopic(
                    Destinations.chat(event.contactId()), Map.of("type", "case", "reference", event.reference())));
        }
    }

    /** The handler's list of their own contacts counts what the citizen wrote in chats not open. */
    @EventHandler
    void on(ChatMessagePosted event) {
        if (event.author() == ChatAuthor.CITIZEN) {
            safely(() -> Optional.ofNullable(lastAnnounced.get(event.contactId()))
                    .or(() -> reads.item(event.contactId()))
                    .map(QueueItem::handler)
                    .ifPresent(handler -> push.toUser(
                            handler,
                            Destinations.CONTACT_EVENTS,
                            Map.of("type", "message", "contactId", event.contactId()))));
        }
    }

    @EventHandler
    void on(ChatIdleWarned event) {
        safely(() -> push.toTopic(
                Destinations.chat(event.contactId()),
                Map.of("type", "idle-warning", "closesAt", event.closesAt().toString())));
    }

    private void arrived(
            String contactId, Channel channel, Instant at, String category, String reference, Language language) {
        // As QueueItem.of would read it: the citizen's language may call for a skill from the start.
        String neededSkill = skills.forLanguage(language).orElse(null);
        announce(new QueueItem(
                contactId,
                channel.name(),
                "WAITING",
                5,
                null,
                at,
                category,
                QueueItem.label(category),
                reference,
                null,
                false,
                0,
                null,
                neededSkill,
                skills.label(neededSkill),
                language.name()));
    }

    private void changed(String contactId, UnaryOperator<QueueItem> change) {
        safely(() -> Optional.ofNullable(lastAnnounced.get(contactId))
                .or(() -> reads.item(contactId))
                .map(change)
                .ifPresent(this::announce));
    }

    private void announce(QueueItem item) {
        lastAnnounced.put(item.contactId(), item);
        safely(() -> {
            push.toTopic(Destinations.QUEUES, item);
            push.toTopic(Destinations.SUPERVISOR, Map.of("type", "changed"));
            if (Channel.CHAT.name().equals(item.channel())) {
                announceChatPositions(item);
            }
        });
    }

    /** Every waiting citizen sees their place in the chat queue move. */
    private void announceChatPositions(QueueItem changed) {
        List<String> waiting = new ArrayList<>(reads.waitingChats());
        waiting.remove(changed.contactId());
        if ("WAITING".equals(changed.state())) {
            waiting.add(changed.contactId()); // newest at the back until the read model says otherwise
        }
        for (int i = 0; i < waiting.size(); i++) {
            push.toTopic(
                    Destinations.chat(waiting.get(i)), Map.of("type", "state", "state", "WAITING", "position", i + 1));
        }
    }

    private static QueueItem with(QueueItem item, String state, String handler, int priority, String grade) {
        return new QueueItem(
                item.contactId(),
                item.channel(),
                state,
                priority,
                grade,
                item.queuedAt(),
                item.category(),
                item.categoryLabel(),
                item.reference(),
                handler,
                item.overTarget() && "WAITING".equals(state),
                item.unanswered(),
                item.waitingSince(),
                item.neededSkill(),
                item.neededSkillLabel(),
                item.language());
    }

    private static void safely(Runnable announcement) {
        try {
            announcement.run();
        } catch (RuntimeException e) {
            log.warn("Could not announce a queue change live; consoles will see it on their next refresh", e);
        }
    }
}
