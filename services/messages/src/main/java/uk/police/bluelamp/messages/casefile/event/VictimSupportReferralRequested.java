package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * The victim consented (Victims' Code Right 4) to their details going to the named victim support
 * service; {@code at} is when they said yes, {@code dueBy} when the code wants it passed on (2 working
 * days). The details are theirs, encrypted under the case's key.
 */
public record VictimSupportReferralRequested(
        String reference,
        String referralId,
        String service,
        ReportCategory category,
        @PersonalData String name,
        @PersonalData String email,
        @PersonalData String phone,
        Instant at,
        Instant dueBy)
        implements CaseEvent {}
