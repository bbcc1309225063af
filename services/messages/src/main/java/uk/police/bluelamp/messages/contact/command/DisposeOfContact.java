package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisposeOfContact(@TargetAggregateIdentifier String contactId, String reason, String by, Instant at) {}
