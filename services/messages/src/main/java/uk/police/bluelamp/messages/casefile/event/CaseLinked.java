package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

public record CaseLinked(String reference, String linkedReference, String by, Instant at) implements CaseEvent {}
