package uk.police.bluelamp.messages.contact;

import uk.police.bluelamp.messages.privacy.PersonalData;

/** What the telephony platform tells about a call on every event. */
public record CallDetails(String callId, @PersonalData String from, String to, String direction, String queue) {

    public boolean withheld() {
        return from == null
                || from.isBlank()
                || from.equalsIgnoreCase("anonymous")
                || from.equalsIgnoreCase("withheld")
                || from.equalsIgnoreCase("private")
                || from.equalsIgnoreCase("unknown");
    }
}
