package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.Language;

/** A citizen asks for a live chat; only a hash of their chat token is kept. */
public record StartChat(
        @TargetAggregateIdentifier String contactId,
        String citizenName,
        String topic,
        String chatTokenHash,
        Instant at,
        Language language) {

    public StartChat(String contactId, String citizenName, String topic, String chatTokenHash, Instant at) {
        this(contactId, citizenName, topic, chatTokenHash, at, Language.ENGLISH);
    }
}
