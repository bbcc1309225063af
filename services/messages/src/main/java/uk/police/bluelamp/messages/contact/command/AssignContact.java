package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.Assignment;

/** Gives a waiting contact to a handler; refused with ContactAlreadyTaken if someone was first. */
public record AssignContact(@TargetAggregateIdentifier String contactId, String handler, Assignment how, Instant at) {}
