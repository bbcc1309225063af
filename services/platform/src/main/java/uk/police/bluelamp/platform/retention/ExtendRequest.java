package uk.police.bluelamp.platform.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.police.bluelamp.messages.text.MultiLine;

/** A retention review that keeps the record, for a case or a contact: why, and when to look again. */
@Schema(name = "RetentionExtendRequest")
public record ExtendRequest(@MultiLine String reason, String nextReviewDue) {}
