package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What the victim support service answered: accepted (with its id for the referral, if any), or not and why. */
public record RecordVictimSupportReferralAttempt(
        @TargetAggregateIdentifier String reference,
        String referralId,
        boolean accepted,
        String serviceReference,
        int attempt,
        String error,
        Instant at) {}
