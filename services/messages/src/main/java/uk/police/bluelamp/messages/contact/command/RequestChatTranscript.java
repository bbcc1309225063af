package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The citizen in a chat asks for a copy of it by email, to the address they give. */
public record RequestChatTranscript(
        @TargetAggregateIdentifier String contactId, String requestId, String email, Instant at) {}
