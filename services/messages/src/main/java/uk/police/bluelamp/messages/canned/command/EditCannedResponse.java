package uk.police.bluelamp.messages.canned.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EditCannedResponse(
        @TargetAggregateIdentifier String library, String responseId, String title, String text, Instant at) {}
