package uk.police.bluelamp.casework.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClientException;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.command.RecordChatTranscriptSent;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptRequested;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptSent;
import uk.police.bluelamp.messages.contact.query.FindNameShownToCitizens;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.platform.command.Commands;

/**
 * Emails a chat's citizen the copy they asked for, from the request event: in the delivery
 * processor (one segment, so one node sends it; never on a replay), read from the chat's own
 * events and kept nowhere. A request already recorded as sent is not sent again; a failure
 * parks the request in the dead-letter queue, where an admin's retry sends it.
 */
@Component
@ProcessingGroup("citizen-updates")
class ChatTranscripts {

    private static final Logger log = LoggerFactory.getLogger(ChatTranscripts.class);

    private final NotifySettings settings;
    private final EventStore eventStore;
    private final Commands commands;
    private final QueryGateway queries;
    private final Clock clock;

    ChatTranscripts(
            NotifySettings settings, EventStore eventStore, Commands commands, QueryGateway queries, Clock clock) {
        this.settings = settings;
        this.queries = queries;
        this.eventStore = eventStore;
        this.commands = commands;
        this.clock = clock;
    }

    private String shownName(String username) {
        return queries.query(new FindNameShownToCitizens(username), String.class)
                .join();
    }

    @EventHandler
    @DisallowReplay
    void on(ChatTranscriptRequested requested) throws NotificationClientException {
        List<Object> history = CitizenUpdates.history(eventStore, requested.contactId());
        if (history.stream()
                .anyMatch(e ->
                        e instanceof ChatTranscriptSent sent && sent.requestId().equals(requested.requestId()))) {
            return;
        }
        if (PersonalData.ERASED.equals(requested.email())) {
            log.info("The chat copy {} was not sent: the chat's personal data was erased", requested.requestId());
            return;
        }
        Language language = history.stream()
                .filter(ChatStarted.class::isInstance)
                .map(started -> ((ChatStarted) started).language())
                .findFirst()
                .orElse(Language.ENGLISH);
        Map<String, Object> personalisation = Map.of(
                "date", started(history, language),
                "transcript", ChatTranscriptText.of(history, requested.upToSeq(), this::shownName, language));
        String notifyId = settings.client()
                .sendEmail(
                        settings.templateId(NotifySettings.Template.TRANSCRIPT_EMAIL, language),
                        requested.email(),
                        personalisation,
                        requested.requestId())
                .getNotificationId()
                .toString();
        commands.send(
                new RecordChatTranscriptSent(requested.contactId(), requested.requestId(), notifyId, clock.instant()),
                "citizen-updates",
                Channel.CHAT);
    }

    private static String started(List<Object> history, Language language) {
        return history.stream()
                .filter(ChatStarted.class::isInstance)
                .map(started -> ChatTranscriptText.date(language)
                        .format(((ChatStarted) started).at().atZone(ChatTranscriptText.LONDON)))
                .findFirst()
                .orElse("");
    }
}
