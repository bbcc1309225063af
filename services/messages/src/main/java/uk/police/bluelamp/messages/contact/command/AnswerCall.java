package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.CallDetails;

/** handler is null when no handler matched the answering number or login. */
public record AnswerCall(
        @TargetAggregateIdentifier String contactId,
        CallDetails call,
        String handler,
        String answeringNumber,
        Instant at) {}
