package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.triage.Triage;

public record ContactTriaged(String contactId, Channel channel, Triage triage, String by, Instant at)
        implements ContactEvent {}
