package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.triage.Triage;

public record TriageCase(@TargetAggregateIdentifier String reference, Triage triage, String by, Instant at) {}
