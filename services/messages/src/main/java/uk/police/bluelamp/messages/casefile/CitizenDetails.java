package uk.police.bluelamp.messages.casefile;

import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * Who the case is for and where they asked to hear about it: personal data, kept to what
 * updates and a handler's search need. Every part may be empty (anonymous reports).
 */
public record CitizenDetails(
        @PersonalData String name,
        @PersonalData String email,
        @PersonalData String phone) {

    public static CitizenDetails none() {
        return new CitizenDetails(null, null, null);
    }

    public CitizenDetails withContact(String newEmail, String newPhone) {
        return new CitizenDetails(name, newEmail, newPhone);
    }
}
