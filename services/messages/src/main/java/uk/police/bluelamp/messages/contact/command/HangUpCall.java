package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.HangupCause;

public record HangUpCall(
        @TargetAggregateIdentifier String contactId, CallDetails call, HangupCause cause, Instant at) {}
