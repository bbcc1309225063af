package uk.police.bluelamp.messages.contact;

import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * What the telephony platform tells about a call on every event, and the language the caller
 * chose at its menu (the queue it put them in); null in calls stored before, which were English.
 */
public record CallDetails(
        String callId, @PersonalData String from, String to, String direction, String queue, Language language) {

    public CallDetails {
        language = Language.orEnglish(language);
    }

    public CallDetails(String callId, String from, String to, String direction, String queue) {
        this(callId, from, to, direction, queue, Language.ENGLISH);
    }

    public boolean withheld() {
        return from == null
                || from.isBlank()
                || from.equalsIgnoreCase("anonymous")
                || from.equalsIgnoreCase("withheld")
                || from.equalsIgnoreCase("private")
                || from.equalsIgnoreCase("unknown");
    }
}
