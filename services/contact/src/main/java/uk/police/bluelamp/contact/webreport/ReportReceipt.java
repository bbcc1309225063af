package uk.police.bluelamp.contact.webreport;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What the citizen gets back at once: the tracking code is shown this one time only. */
record ReportReceipt(
        @Schema(requiredMode = REQUIRED, example = "BL-2026-000123")
        String reference,

        @Schema(requiredMode = REQUIRED, example = "7KQ4-M2XP-9HTD")
        String trackingCode,

        @Schema(requiredMode = REQUIRED) Instant nextUpdateDue) {}
