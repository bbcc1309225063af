package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

public record CrimeRecorded(String reference, String crimeNumber, String by, Instant at) implements CaseEvent {}
