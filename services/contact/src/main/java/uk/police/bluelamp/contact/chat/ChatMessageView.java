package uk.police.bluelamp.contact.chat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import uk.police.bluelamp.messages.contact.ChatAuthor;

/**
 * A chat message as both sides see it; seq orders the transcript with no gaps. A file sent in the
 * chat is a message with an attachment, its text the file's name.
 */
public record ChatMessageView(
        @Schema(requiredMode = REQUIRED) long seq,

        @Schema(requiredMode = REQUIRED, implementation = ChatAuthor.class)
        String author,

        String authorName,
        @Schema(requiredMode = REQUIRED) String text,
        String clientMessageId,
        @Schema(requiredMode = REQUIRED) Instant at,
        Attachment attachment) {

    public ChatMessageView(
            long seq, String author, String authorName, String text, String clientMessageId, Instant at) {
        this(seq, author, authorName, text, clientMessageId, at, null);
    }

    @Schema(name = "ChatAttachment")
    public record Attachment(
            @Schema(requiredMode = REQUIRED, format = "uuid")
            String evidenceId,

            @Schema(requiredMode = REQUIRED) String fileName,
            @Schema(requiredMode = REQUIRED) String mediaType,
            @Schema(requiredMode = REQUIRED) long sizeBytes,

            @Schema(requiredMode = REQUIRED, description = "SHA-256 of the file as received, in hex")
            String sha256,

            @Schema(requiredMode = REQUIRED, description = "Whether staff can see a preview image of it")
            boolean previewable) {}
}
