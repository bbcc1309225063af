package uk.police.bluelamp.contact.chat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import uk.police.bluelamp.messages.contact.ChatAuthor;

/** A chat message as both sides see it; seq orders the transcript with no gaps. */
public record ChatMessageView(
        @Schema(requiredMode = REQUIRED) long seq,

        @Schema(requiredMode = REQUIRED, implementation = ChatAuthor.class)
        String author,

        String authorName,
        @Schema(requiredMode = REQUIRED) String text,
        String clientMessageId,
        @Schema(requiredMode = REQUIRED) Instant at) {}
