package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

/** The victim support service accepted the referral; {@code serviceReference} is its id for it, if it gave one. */
public record VictimSupportReferralSent(
        String reference, String referralId, String serviceReference, int attempt, Instant at) implements CaseEvent {}
