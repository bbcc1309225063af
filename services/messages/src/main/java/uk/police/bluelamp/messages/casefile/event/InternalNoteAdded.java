package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record InternalNoteAdded(
        String reference, @PersonalData String text, String by, Instant at) implements CaseEvent {}
