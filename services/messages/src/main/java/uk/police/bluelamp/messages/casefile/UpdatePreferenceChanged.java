package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record UpdatePreferenceChanged(
        String reference, UpdatePreference preference, CitizenDetails citizen, Instant nextUpdateDue, Instant at)
        implements CaseEvent {}
