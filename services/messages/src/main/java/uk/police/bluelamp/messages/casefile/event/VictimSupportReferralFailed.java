package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** One attempt to send the referral did not reach the service or was refused; it is tried again. */
public record VictimSupportReferralFailed(
        String reference,
        String referralId,
        int attempt,
        @PersonalData String error,
        Instant at) implements CaseEvent {}
