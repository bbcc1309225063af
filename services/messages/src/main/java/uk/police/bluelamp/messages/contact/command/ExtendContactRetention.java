package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ExtendContactRetention(
        @TargetAggregateIdentifier String contactId, String reason, Instant nextReviewDueAt, String by, Instant at) {}
