package uk.police.bluelamp.casework.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.casework.casefile.FeedbackTokens;
import uk.police.bluelamp.casework.casefile.VictimsCode;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.command.RecordSatisfactionRequestDelivery;
import uk.police.bluelamp.messages.casefile.command.RequestSatisfaction;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.platform.command.Commands;

/**
 * "How did we do?": when a case is resolved (or closed without being resolved first) the case is
 * asked to put the question, which it does once and never when contact is unsafe. Email and text
 * carry a link with a one-time token (only its hash is kept); a citizen updated by phone or online
 * is asked on the tracking page, since a call to ask would cost more than the answer is worth. The
 * question is sent once: a failure is recorded, and the tracking page still asks.
 */
@Component
@ProcessingGroup("citizen-updates")
class SatisfactionQuestions {

    private static final Logger log = LoggerFactory.getLogger(SatisfactionQuestions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotifySettings settings;
    private final EventStore eventStore;
    private final Commands commands;
    private final Clock clock;

    SatisfactionQuestions(NotifySettings settings, EventStore eventStore, Commands commands, Clock clock) {
        this.settings = settings;
        this.eventStore = eventStore;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(CaseStatusChanged event) {
        if (!VictimsCode.FINISHED.contains(event.to())) {
            return;
        }
        String requestId = UUID.randomUUID().toString();
        String token = newToken();
        Instant now = clock.instant();
        UpdateChannel channel = commands.send(
                new RequestSatisfaction(event.reference(), requestId, FeedbackTokens.hash(token), now),
                "citizen-updates",
                "WEB");
        if (channel != null) {
            deliver(event.reference(), requestId, token, channel, now);
        }
    }

    private void deliver(String reference, String requestId, String token, UpdateChannel channel, Instant now) {
        DeliveryStatus status = DeliveryStatus.ONLINE;
        String notifyId = null;
        String error = null;
        try {
            List<Object> history = CitizenUpdates.history(eventStore, reference);
            CitizenDetails citizen = CitizenUpdates.currentDetails(history);
            Language language = CitizenUpdates.currentLanguage(history);
            Map<String, Object> personalisation =
                    Map.of("reference", reference, "link", link(reference, token, language));
            if (channel == UpdateChannel.EMAIL) {
                notifyId = settings.client()
                        .sendEmail(
                                settings.templateId(NotifySettings.Template.SATISFACTION_EMAIL, language),
                                CitizenUpdates.require(citizen.email(), "email address"),
                                personalisation,
                                reference)
                        .getNotificationId()
                        .toString();
                status = DeliveryStatus.SENT;
            } else if (channel == UpdateChannel.SMS) {
                notifyId = settings.client()
                        .sendSms(
                                settings.templateId(NotifySettings.Template.SATISFACTION_SMS, language),
                                CitizenUpdates.require(citizen.phone(), "phone number"),
                                personalisation,
                                reference)
                        .getNotificationId()
                        .toString();
                status = DeliveryStatus.SENT;
            }
        } catch (Exception failure) {
            log.warn("Satisfaction question on case {} not sent by {}: {}", reference, channel, failure.getMessage());
            status = DeliveryStatus.FAILED;
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            error = message.length() > 900 ? message.substring(0, 900) : message;
        }
        commands.send(
                new RecordSatisfactionRequestDelivery(reference, requestId, status, notifyId, error, now),
                "citizen-updates",
                channel.name());
    }

    private String link(String reference, String token, Language language) {
        String page = settings.feedbackLink(language);
        return page + (page.contains("?") ? "&" : "?") + "reference="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&token=" + token;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
