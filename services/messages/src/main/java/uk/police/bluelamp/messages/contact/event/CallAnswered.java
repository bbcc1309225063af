package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.CallDetails;

public record CallAnswered(
        String contactId, CallDetails call, String handler, String answeringNumber, boolean afterHangup, Instant at)
        implements ContactEvent {}
