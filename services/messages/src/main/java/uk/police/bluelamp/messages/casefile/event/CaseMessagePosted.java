package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record CaseMessagePosted(
        String reference,
        String messageId,
        MessageAuthor from,
        String author,
        @PersonalData String text,
        Instant at) implements CaseEvent {}
