package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** A decision the citizen must hear about within 5 working days (1 under Enhanced Rights). */
public record KeyDecisionMade(
        String reference, @PersonalData String decision, Instant at, Instant updateDueBy) implements CaseEvent {}
