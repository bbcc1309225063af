package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tells both sides of a chat nobody has written for a while, and when it will close unless someone does. */
public record WarnIdleChat(@TargetAggregateIdentifier String contactId, Instant closesAt, Instant at) {}
