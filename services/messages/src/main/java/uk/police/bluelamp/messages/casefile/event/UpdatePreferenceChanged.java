package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdatePreference;

public record UpdatePreferenceChanged(
        String reference, UpdatePreference preference, CitizenDetails citizen, Instant nextUpdateDue, Instant at)
        implements CaseEvent {}
