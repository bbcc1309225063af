package uk.police.bluelamp.casework.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClientException;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.command.RecordTrackingCodeSent;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.TrackingCodeSent;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.platform.command.Commands;

/**
 * Sends a citizen who holds their code (checked by the caller) their reference and code, to the
 * email address or mobile number they gave: the one their updates go to, else whichever they
 * gave. A few times a day at most, so nobody can flood a person's phone with a code they hold.
 */
@Component
public class TrackingCodeReminders {

    private static final Logger log = LoggerFactory.getLogger(TrackingCodeReminders.class);
    public static final int MOST_PER_DAY = 3;

    public enum Outcome {
        SENT_BY_EMAIL,
        SENT_BY_TEXT,
        NO_ADDRESS,
        TOO_MANY,
        NOT_SENT
    }

    private final NotifySettings settings;
    private final EventStore eventStore;
    private final Commands commands;
    private final Clock clock;

    TrackingCodeReminders(NotifySettings settings, EventStore eventStore, Commands commands, Clock clock) {
        this.settings = settings;
        this.eventStore = eventStore;
        this.commands = commands;
        this.clock = clock;
    }

    public Outcome send(String reference, String code) {
        Instant now = clock.instant();
        List<Object> history = CitizenUpdates.history(eventStore, reference);
        long sentToday = history.stream()
                .filter(event ->
                        event instanceof TrackingCodeSent sent && sent.at().isAfter(now.minus(Duration.ofDays(1))))
                .count();
        if (sentToday >= MOST_PER_DAY) {
            return Outcome.TOO_MANY;
        }
        CitizenDetails citizen = CitizenUpdates.currentDetails(history);
        UpdateChannel channel = channel(history, citizen);
        if (channel == null) {
            return Outcome.NO_ADDRESS;
        }
        Language language = CitizenUpdates.currentLanguage(history);
        Map<String, Object> personalisation =
                Map.of("reference", reference, "code", code, "link", settings.trackingLink(language));
        try {
            String notifyId = channel == UpdateChannel.EMAIL
                    ? settings.client()
                            .sendEmail(
                                    settings.templateId(NotifySettings.Template.CODE_EMAIL, language),
                                    citizen.email(),
                                    personalisation,
                                    reference)
                            .getNotificationId()
                            .toString()
                    : settings.client()
                            .sendSms(
                                    settings.templateId(NotifySettings.Template.CODE_SMS, language),
                                    citizen.phone(),
                                    personalisation,
                                    reference)
                            .getNotificationId()
                            .toString();
            commands.send(new RecordTrackingCodeSent(reference, channel, notifyId, now), "citizen", channel.name());
            return channel == UpdateChannel.EMAIL ? Outcome.SENT_BY_EMAIL : Outcome.SENT_BY_TEXT;
        } catch (NotificationClientException | RuntimeException failure) {
            log.warn("The tracking code of case {} was not sent by {}: {}", reference, channel, failure.getMessage());
            return Outcome.NOT_SENT;
        }
    }

    /** The channel their updates go by, if email or text; else email, else text, if they gave one. */
    private static UpdateChannel channel(List<Object> history, CitizenDetails citizen) {
        UpdateChannel chosen = null;
        for (Object event : history) {
            if (event instanceof CaseOpened opened && opened.updatePreference() != null) {
                chosen = opened.updatePreference().channel();
            } else if (event instanceof UpdatePreferenceChanged changed && changed.preference() != null) {
                chosen = changed.preference().channel();
            }
        }
        boolean email = given(citizen.email());
        boolean phone = given(citizen.phone());
        if (chosen == UpdateChannel.EMAIL && email || chosen == UpdateChannel.SMS && phone) {
            return chosen;
        }
        return email ? UpdateChannel.EMAIL : phone ? UpdateChannel.SMS : null;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank() && !PersonalData.ERASED.equals(value);
    }
}
