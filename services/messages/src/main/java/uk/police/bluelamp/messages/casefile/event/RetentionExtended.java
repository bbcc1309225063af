package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** A reviewer kept a case for a policing purpose, until its next review. */
public record RetentionExtended(
        String reference, @PersonalData String reason, Instant nextReviewDueAt, String by, Instant at)
        implements CaseEvent {}
