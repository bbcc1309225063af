package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record ChatMessagePosted(
        String contactId,
        long seq,
        ChatAuthor author,
        @PersonalData String authorName,
        String clientMessageId,
        @PersonalData String text,
        Instant at)
        implements ContactEvent {}
