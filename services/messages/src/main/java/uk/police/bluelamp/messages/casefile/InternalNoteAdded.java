package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record InternalNoteAdded(String reference, String text, String by, Instant at) implements CaseEvent {
}
