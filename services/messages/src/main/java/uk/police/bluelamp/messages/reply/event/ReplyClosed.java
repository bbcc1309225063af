package uk.police.bluelamp.messages.reply.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** note: why the handler closed it, free text about the person, so personal data. */
public record ReplyClosed(String replyId, @PersonalData String note, String by, Instant at) implements ReplyEvent {}
