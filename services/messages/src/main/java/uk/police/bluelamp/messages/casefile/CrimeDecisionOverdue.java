package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record CrimeDecisionOverdue(String reference, Instant dueAt) implements CaseEvent {}
