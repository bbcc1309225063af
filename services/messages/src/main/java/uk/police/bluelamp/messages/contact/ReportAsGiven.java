package uk.police.bluelamp.messages.contact;

import java.time.LocalDate;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** What the citizen told us in their web report, as they wrote it. */
public record ReportAsGiven(
        @PersonalData String description, @PersonalData String location, LocalDate occurredOn, String occurredTime) {}
