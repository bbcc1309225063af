package uk.police.bluelamp.messages.signposting.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.signposting.SignpostReason;

/** A citizen was shown where their matter belongs instead of opening a case: no personal data. */
public record CitizenSignposted(String signpostId, SignpostReason reason, Channel channel, Instant at)
        implements SignpostingEvent {}
