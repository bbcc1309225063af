package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

public record CaseAssigned(String reference, String handler, String team, String by, Instant at) implements CaseEvent {}
