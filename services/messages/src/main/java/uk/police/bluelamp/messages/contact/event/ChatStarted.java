package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record ChatStarted(
        String contactId,
        @PersonalData String citizenName,
        @PersonalData String topic,
        String chatTokenHash,
        Instant at,
        Language language)
        implements ContactEvent {

    public ChatStarted {
        language = Language.orEnglish(language);
    }

    public ChatStarted(String contactId, String citizenName, String topic, String chatTokenHash, Instant at) {
        this(contactId, citizenName, topic, chatTokenHash, at, Language.ENGLISH);
    }
}
