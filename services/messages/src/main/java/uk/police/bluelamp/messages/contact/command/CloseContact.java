package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseContact(@TargetAggregateIdentifier String contactId, String handler, String outcome, Instant at) {}
