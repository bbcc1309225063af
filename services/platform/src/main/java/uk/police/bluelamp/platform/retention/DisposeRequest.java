package uk.police.bluelamp.platform.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.police.bluelamp.messages.text.MultiLine;

/** A retention review that disposes of the record, for a case or a contact: the reason or decision number. */
@Schema(
        name = "RetentionDisposeRequest",
        requiredProperties = {"reason"})
public record DisposeRequest(
        @Schema(maxLength = RetentionReviews.MAX_REASON) @MultiLine
        String reason) {}
