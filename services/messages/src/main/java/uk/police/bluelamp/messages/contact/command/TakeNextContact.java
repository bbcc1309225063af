package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives the handler the contact their queue showed at its front. Unlike a take, it succeeds only
 * while the contact waits: the queue read model may still show one the handler already holds,
 * and that one is not their next contact. Refused with ContactAlreadyTaken otherwise.
 */
public record TakeNextContact(@TargetAggregateIdentifier String contactId, String handler, Instant at) {}
