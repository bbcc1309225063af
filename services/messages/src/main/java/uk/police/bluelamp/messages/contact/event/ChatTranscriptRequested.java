package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * The citizen asked for a copy of the chat by email. The copy holds the messages up to
 * {@code upToSeq}, the last one stored when they asked, so what was disclosed can be told
 * from the events alone; the copy itself is never stored.
 */
public record ChatTranscriptRequested(
        String contactId, String requestId, @PersonalData String email, long upToSeq, Instant at)
        implements ContactEvent {}
