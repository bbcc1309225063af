package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record CallEnded(String contactId, CallDetails call, HangupCause cause, boolean answered, Instant at)
        implements ContactEvent {}
