package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** handler is null when no handler matched the answering number or login. */
public record AnswerCall(
        @TargetAggregateIdentifier String contactId,
        CallDetails call,
        String handler,
        String answeringNumber,
        Instant at) {}
