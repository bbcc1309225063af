package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** @param caseReference the case a call to give the citizen an update is for; null for a citizen's own request */
public record CallbackRequested(
        String contactId,
        @PersonalData String name,
        @PersonalData String phone,
        @PersonalData String topic,
        Instant windowStart,
        Instant windowEnd,
        Instant at,
        String caseReference,
        Language language)
        implements ContactEvent {

    public CallbackRequested {
        language = Language.orEnglish(language);
    }

    public CallbackRequested(
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
