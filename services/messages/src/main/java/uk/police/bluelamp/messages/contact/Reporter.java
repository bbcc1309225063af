package uk.police.bluelamp.messages.contact;

import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * Who made a report. Every part is optional: the law allows reporting without a name,
 * and contact details are asked for only to send updates the citizen chose.
 */
public record Reporter(
        @PersonalData String name,
        @PersonalData String email,
        @PersonalData String phone) {

    public static Reporter anonymous() {
        return new Reporter(null, null, null);
    }

    public boolean isAnonymous() {
        return name == null || name.isBlank();
    }
}
