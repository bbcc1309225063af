package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

public record EnhancedRightsSet(String reference, boolean enhanced, String by, Instant at) implements CaseEvent {}
