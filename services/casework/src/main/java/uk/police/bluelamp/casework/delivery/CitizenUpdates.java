package uk.police.bluelamp.casework.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClientException;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.command.RecordUpdateDelivery;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.command.RequestCallback;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/**
 * Sends one public update by the channel the citizen chose, and records what happened:
 * email and text through GOV.UK Notify, a phone update as a call task in the call-back
 * queue, online only as nothing more than the tracking page. A failure is recorded and
 * retried, never dropped.
 */
@Component
class CitizenUpdates {

    private static final Logger log = LoggerFactory.getLogger(CitizenUpdates.class);
    static final Duration CALL_WINDOW = Duration.ofHours(2);

    private final NotifySettings settings;
    private final EventStore eventStore;
    private final Commands commands;
    private final Clock clock;
    private final SubjectKeys subjects;

    private final MeterRegistry metrics;

    CitizenUpdates(
            NotifySettings settings,
            EventStore eventStore,
            Commands commands,
            Clock clock,
            SubjectKeys subjects,
            MeterRegistry metrics) {
        this.metrics = metrics;
        // At zero from the start, so a rate over them means something before the first failure.
        for (UpdateChannel channel : UpdateChannel.values()) {
            failures(channel);
        }
        this.subjects = subjects;
        this.settings = settings;
        this.eventStore = eventStore;
        this.commands = commands;
        this.clock = clock;
    }

    void deliver(String reference, String updateId, UpdateChannel channel, int attempt) {
        Instant now = clock.instant();
        List<Object> history = history(eventStore, reference);
        if (attempt == 1 && alreadyTried(history, updateId)) {
            // A dead letter retried after the first try was recorded: the scheduled retries own it now.
            log.info("Update {} on case {} was already sent or tried; not sent again", updateId, reference);
            return;
        }
        CitizenDetails citizen = currentDetails(history);
        Language language = currentLanguage(history);
        try {
            switch (channel) {
                case EMAIL ->
                    record(
                            reference,
                            updateId,
                            channel,
                            DeliveryStatus.SENT,
                            attempt,
                            settings.client()
                                    .sendEmail(
                                            settings.templateId(NotifySettings.Template.UPDATE_EMAIL, language),
                                            require(citizen.email(), "email address"),
                                            personalisation(reference, language),
                                            reference)
                                    .getNotificationId()
                                    .toString(),
                            null,
                            now);
                case SMS ->
                    record(
                            reference,
                            updateId,
                            channel,
                            DeliveryStatus.SENT,
                            attempt,
                            settings.client()
                                    .sendSms(
                                            settings.templateId(NotifySettings.Template.UPDATE_SMS, language),
                                            require(citizen.phone(), "phone number"),
                                            personalisation(reference, language),
                                            reference)
                                    .getNotificationId()
                                    .toString(),
                            null,
                            now);
                case PHONE -> {
                    String callback = UUID.randomUUID().toString();
                    subjects.sameSubject(callback, reference);
                    commands.send(
                            new RequestCallback(
                                    callback,
                                    citizen.name(),
                                    require(citizen.phone(), "phone number"),
                                    "Give the citizen an update on case " + reference,
                                    now,
                                    now.plus(CALL_WINDOW),
                                    now,
                                    reference,
                                    // A Welsh speaker's update call is offered to Welsh speakers.
                                    language),
                            "citizen-updates",
                            "CALLBACK");
                    record(reference, updateId, channel, DeliveryStatus.CALL_TASK, attempt, callback, null, now);
                }
                case ONLINE -> record(reference, updateId, channel, DeliveryStatus.ONLINE, attempt, null, null, now);
            }
        } catch (NotificationClientException | RuntimeException failure) {
            log.warn(
                    "Update {} on case {} not delivered by {} (attempt {}): {}",
                    updateId,
                    reference,
                    channel,
                    attempt,
                    failure.getMessage());
            // Per node and channel only: the reference and the citizen's address stay out of metrics.
            failures(channel).increment();
            record(reference, updateId, channel, DeliveryStatus.FAILED, attempt, null, reason(failure), now);
        }
    }

    private Counter failures(UpdateChannel channel) {
        return Counter.builder("bluelamp.notify.failures")
                .description("Citizen updates GOV.UK Notify (or the call-back queue) did not take, each attempt")
                .tag("channel", channel.name())
                .register(metrics);
    }

    private Map<String, Object> personalisation(String reference, Language language) {
        return Map.of("reference", reference, "link", settings.trackingLink(language));
    }

    private static boolean alreadyTried(List<Object> history, String updateId) {
        return history.stream()
                .anyMatch(event ->
                        event instanceof UpdateDeliveryRecorded recorded && updateId.equals(recorded.updateId()));
    }

    /** Read from the case's own events: the address the citizen gave most recently. */
    /** The case's own events, oldest first: what was sent and to whom is read from them, never a projection. */
    static List<Object> history(EventStore eventStore, String reference) {
        return eventStore
                .readEvents(reference, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    static CitizenDetails currentDetails(List<Object> history) {
        CitizenDetails details = CitizenDetails.none();
        for (Object event : history) {
            if (event instanceof CaseOpened opened && opened.citizen() != null) {
                details = opened.citizen();
            } else if (event instanceof UpdatePreferenceChanged changed && changed.citizen() != null) {
                details = changed.citizen();
            }
        }
        return details;
    }

    /** The language the citizen chose last: at the report, or when they changed how they hear. */
    static Language currentLanguage(List<Object> history) {
        Language language = Language.ENGLISH;
        for (Object event : history) {
            if (event instanceof CaseOpened opened && opened.updatePreference() != null) {
                language = opened.updatePreference().language();
            } else if (event instanceof UpdatePreferenceChanged changed && changed.preference() != null) {
                language = changed.preference().language();
            }
        }
        return language;
    }

    private void record(
            String reference,
            String updateId,
            UpdateChannel channel,
            DeliveryStatus status,
            int attempt,
            String notifyId,
            String error,
            Instant at) {
        commands.send(
                new RecordUpdateDelivery(reference, updateId, channel, status, attempt, notifyId, error, at),
                "citizen-updates",
                channel.name());
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The citizen gave no " + what + " for this channel");
        }
        if (PersonalData.ERASED.equals(value)) {
            throw new IllegalStateException("The citizen's " + what + " was erased");
        }
        return value;
    }

    private static String reason(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 900 ? message.substring(0, 900) : message;
    }
}
