package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import uk.police.bluelamp.messages.triage.Triage;

public record ContactTriaged(String contactId, Channel channel, Triage triage, String by, Instant at)
        implements ContactEvent {}
