package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record CallAnswered(
        String contactId, CallDetails call, String handler, String answeringNumber, boolean afterHangup, Instant at)
        implements ContactEvent {}
