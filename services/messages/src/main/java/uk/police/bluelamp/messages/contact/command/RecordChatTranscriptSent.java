package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** GOV.UK Notify took the copy of the chat asked for by {@code requestId}. */
public record RecordChatTranscriptSent(
        @TargetAggregateIdentifier String contactId, String requestId, String notifyId, Instant at) {}
