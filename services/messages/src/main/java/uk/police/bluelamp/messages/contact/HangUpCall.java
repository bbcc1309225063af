package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record HangUpCall(
        @TargetAggregateIdentifier String contactId, CallDetails call, HangupCause cause, Instant at) {}
