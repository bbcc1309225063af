package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record CrimeNotRecorded(String reference, String reason, String by, Instant at) implements CaseEvent {
}
