package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record KeyDecisionUpdateOverdue(String reference, Instant dueAt) implements CaseEvent {}
