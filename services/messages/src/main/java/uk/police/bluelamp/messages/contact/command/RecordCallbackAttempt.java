package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.CallbackOutcome;

/** NO_ANSWER with a retry time puts the call-back back in its queue for then. */
public record RecordCallbackAttempt(
        @TargetAggregateIdentifier String contactId,
        String handler,
        CallbackOutcome outcome,
        Instant retryAt,
        String note,
        Instant at) {}
