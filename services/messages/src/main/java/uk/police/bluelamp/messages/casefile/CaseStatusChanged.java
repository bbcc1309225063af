package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record CaseStatusChanged(String reference, CaseStatus from, CaseStatus to, String team, String note, String by, Instant at) implements CaseEvent {
}
