package uk.police.bluelamp.contact.outcome;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.police.bluelamp.contact.chat.ChatCaseCodes;
import uk.police.bluelamp.contact.webreport.References;
import uk.police.bluelamp.contact.webreport.TrackingCodes;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.AddContactToCase;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.command.LinkContactToCase;
import uk.police.bluelamp.platform.command.Commands;

/**
 * What a call, chat or call-back was about: it joins the case the contact is already part of,
 * a case the handler names, or opens a new one. The case and the contact's link to it commit
 * together, so neither exists without the other; the contact refuses a second case.
 */
@Service
class ContactOutcome {

    /**
     * @param trackingCode for the handler to read to a caller; null when the case was joined,
     *     or when a chat's citizen was given it in the chat (sentToCitizen)
     */
    @Schema(name = "SummaryRecorded")
    record Recorded(
            @Schema(requiredMode = REQUIRED) String reference,

            @Schema(requiredMode = REQUIRED, description = "The contact joined a case that was open already")
            boolean joined,

            String trackingCode,
            @Schema(requiredMode = REQUIRED) boolean sentToCitizen) {}

    private final Commands commands;
    private final References references;
    private final TrackingCodes trackingCodes;
    private final ChatCaseCodes chatCaseCodes;
    private final Clock clock;

    ContactOutcome(
            Commands commands,
            References references,
            TrackingCodes trackingCodes,
            ChatCaseCodes chatCaseCodes,
            Clock clock) {
        this.commands = commands;
        this.chatCaseCodes = chatCaseCodes;
        this.references = references;
        this.trackingCodes = trackingCodes;
        this.clock = clock;
    }

    @Transactional
    Recorded record(
            String contactId,
            Channel channel,
            ReportCategory category,
            String summary,
            String caseReference,
            UpdatePreference updates,
            String handler) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String actor = Commands.staff(handler);
        String reference = caseReference;
        String trackingCode = null;
        boolean joined = reference != null;
        if (reference == null) {
            reference = references.next(now);
            trackingCode = trackingCodes.random();
            commands.send(
                    new OpenCase(
                            reference,
                            contactId,
                            channel,
                            category,
                            trackingCode,
                            updates,
                            CitizenDetails.none(),
                            null,
                            now),
                    actor,
                    channel);
        } else {
            commands.send(new AddContactToCase(reference, contactId, channel, summary, handler, now), actor, channel);
        }
        commands.send(new LinkContactToCase(contactId, reference, category, summary, handler, now), actor, channel);
        if (trackingCode != null && channel == Channel.CHAT) {
            // The citizen reads it in their chat; the handler never needs it, so never sees it.
            chatCaseCodes.keep(contactId, reference, trackingCode, now);
            return new Recorded(reference, false, null, true);
        }
        return new Recorded(reference, joined, trackingCode, false);
    }
}
