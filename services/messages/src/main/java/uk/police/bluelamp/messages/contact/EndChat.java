package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EndChat(@TargetAggregateIdentifier String contactId, ChatAuthor endedBy, String actor, Instant at) {}
