package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ExtendRetention(
        @TargetAggregateIdentifier String reference, String reason, Instant nextReviewDueAt, String by, Instant at) {}
