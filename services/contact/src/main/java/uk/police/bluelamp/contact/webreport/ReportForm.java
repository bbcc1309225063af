package uk.police.bluelamp.contact.webreport;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.text.MultiLine;

/**
 * A report as submitted. Everything arrives as text so that a wrong value (an unknown
 * category, a date like 31/02) becomes an error beside its field rather than an unreadable body.
 * The schema states the validator's rules (ReportValidator's limits) for integrators and for the
 * frontend's generated types.
 */
record ReportForm(
        @Schema(implementation = ReportCategory.class, requiredMode = REQUIRED)
        String category,

        @Schema(requiredMode = REQUIRED, maxLength = ReportValidator.MAX_DESCRIPTION) @MultiLine
        String description,

        @Schema(requiredMode = REQUIRED, maxLength = ReportValidator.MAX_LOCATION)
        String location,

        @Schema(requiredMode = REQUIRED, format = "date", description = "Today or earlier, and not before 1900-01-01")
        String occurredOn,

        @Schema(maxLength = ReportValidator.MAX_TIME, description = "In the reporter's words, like \"about 3pm\"")
        String occurredTime,

        @Schema(requiredMode = REQUIRED, description = "Must be false: anyone in danger calls 999")
        Boolean anyoneInDanger,

        @Schema(maxLength = ReportValidator.MAX_NAME) String name,

        @Schema(format = "email", maxLength = ReportValidator.MAX_EMAIL, description = "Required for updates by EMAIL")
        String email,

        @Schema(
                maxLength = ReportValidator.MAX_PHONE,
                description = "A UK number; a UK mobile for updates by SMS; required for SMS and PHONE")
        String phone,

        @Schema(implementation = UpdateChannel.class, requiredMode = REQUIRED)
        String updateChannel,

        @Schema(implementation = UpdateFrequency.class, requiredMode = REQUIRED)
        String updateFrequency) {}
