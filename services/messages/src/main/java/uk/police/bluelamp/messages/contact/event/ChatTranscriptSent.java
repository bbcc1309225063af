package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;

/** The copy asked for by {@code requestId} was handed to GOV.UK Notify, which gave it {@code notifyId}. */
public record ChatTranscriptSent(String contactId, String requestId, String notifyId, Instant at)
        implements ContactEvent {}
