package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.Language;

/** @param caseReference the case a call to give the citizen an update is for; null for a citizen's own request */
public record RequestCallback(
        @TargetAggregateIdentifier String contactId,
        String name,
        String phone,
        String topic,
        Instant windowStart,
        Instant windowEnd,
        Instant at,
        String caseReference,
        Language language) {

    public RequestCallback(
            String contactId,
            String name,
            String phone,
            String topic,
            Instant windowStart,
            Instant windowEnd,
            Instant at,
            String caseReference) {
        this(contactId, name, phone, topic, windowStart, windowEnd, at, caseReference, Language.ENGLISH);
    }
}
