package uk.police.bluelamp.messages.reply.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.messages.reply.ReplyChannel;

/** sender: the number or address it came from; subject: an email's subject line, null for a text. */
public record ReplyReceived(
        String replyId,
        ReplyChannel channel,
        @PersonalData String sender,
        @PersonalData String subject,
        @PersonalData String text,
        Instant receivedAt)
        implements ReplyEvent {}
