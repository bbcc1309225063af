package uk.police.bluelamp.messages.contact;

import java.time.LocalDate;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** What the citizen told us about the matter itself. */
public record ReportDetails(
        ReportCategory category,
        @PersonalData String description,
        @PersonalData String location,
        LocalDate occurredOn,
        String occurredTime) {}
