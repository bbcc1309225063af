package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.ChatAuthor;

public record EndChat(@TargetAggregateIdentifier String contactId, ChatAuthor endedBy, String actor, Instant at) {}
