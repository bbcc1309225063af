package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.CallDetails;

public record RingCall(@TargetAggregateIdentifier String contactId, CallDetails call, Instant at) {}
