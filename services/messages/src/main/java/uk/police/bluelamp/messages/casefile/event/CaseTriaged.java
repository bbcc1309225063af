package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.triage.Triage;

public record CaseTriaged(String reference, Triage triage, String by, Instant at) implements CaseEvent {}
