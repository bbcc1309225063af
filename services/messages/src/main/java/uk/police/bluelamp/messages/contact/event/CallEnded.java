package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.HangupCause;

public record CallEnded(String contactId, CallDetails call, HangupCause cause, boolean answered, Instant at)
        implements ContactEvent {}
