package uk.police.bluelamp.messages.canned.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveCannedResponse(
        @TargetAggregateIdentifier String library, String responseId, Instant at) {}
