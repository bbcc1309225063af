package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

public record KeyDecisionUpdateOverdue(String reference, Instant dueAt) implements CaseEvent {}
