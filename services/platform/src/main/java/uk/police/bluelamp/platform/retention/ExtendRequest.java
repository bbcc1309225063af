package uk.police.bluelamp.platform.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.police.bluelamp.messages.text.MultiLine;

/** A retention review that keeps the record, for a case or a contact: why, and when to look again. */
@Schema(
        name = "RetentionExtendRequest",
        requiredProperties = {"reason", "nextReviewDue"})
public record ExtendRequest(
        @Schema(maxLength = RetentionReviews.MAX_REASON) @MultiLine
        String reason,

        @Schema(format = "date", example = "2027-06-30") String nextReviewDue) {}
