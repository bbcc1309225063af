package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** A reviewer kept a contact that is part of no case, until its next review. */
public record ContactRetentionExtended(
        String contactId, @PersonalData String reason, Instant nextReviewDueAt, String by, Instant at)
        implements ContactEvent {}
