package uk.police.bluelamp.contact.outcome;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
 * What a call, chat or call-back was about: it opens a new case or joins an open one. The
 * case and the contact's link to it commit together, so neither exists without the other.
 */
@Service
class ContactOutcome {

    record Recorded(String reference, String trackingCode) {}

    private final Commands commands;
    private final References references;
    private final TrackingCodes trackingCodes;
    private final Clock clock;

    ContactOutcome(Commands commands, References references, TrackingCodes trackingCodes, Clock clock) {
        this.commands = commands;
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
        return new Recorded(reference, trackingCode);
    }
}
