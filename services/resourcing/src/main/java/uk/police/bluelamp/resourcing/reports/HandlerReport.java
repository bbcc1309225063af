package uk.police.bluelamp.resourcing.reports;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** Each handler's time over a period, from their availability and the contacts they answered. */
record HandlerReport(
        @Schema(requiredMode = REQUIRED) LocalDate from,
        @Schema(requiredMode = REQUIRED) LocalDate to,
        @Schema(requiredMode = REQUIRED) List<HandlerRow> handlers) {

    record HandlerRow(
            @Schema(requiredMode = REQUIRED, description = "The handler's sign-in name")
            String handler,

            @Schema(requiredMode = REQUIRED) long availableSeconds,
            @Schema(requiredMode = REQUIRED) long busySeconds,

            @Schema(requiredMode = REQUIRED, description = "From answer to close of the contacts they answered")
            long onContactsSeconds,

            @Schema(requiredMode = REQUIRED, description = "Time on contacts over time available or busy, from 0 to 1")
            double occupancy) {}
}
