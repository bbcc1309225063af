package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RingCall(@TargetAggregateIdentifier String contactId, CallDetails call, Instant at) {}
