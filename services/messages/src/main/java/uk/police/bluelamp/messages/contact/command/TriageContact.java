package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.triage.Triage;

public record TriageContact(@TargetAggregateIdentifier String contactId, Triage triage, String by, Instant at) {}
