package uk.police.bluelamp.messages.contact;

import java.time.LocalDate;

/** What the citizen told us about the matter itself. */
public record ReportDetails(
        ReportCategory category,
        String description,
        String location,
        LocalDate occurredOn,
        String occurredTime) {
}
