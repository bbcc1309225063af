package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

/** The victim was offered a referral to the named service and said no: the offer was made. */
public record VictimSupportReferralDeclined(String reference, String service, Instant at) implements CaseEvent {}
