package uk.police.bluelamp.contact.contact;

import java.util.regex.Pattern;

/** The shape of a contact id in a path: anything else names no contact, and is not looked up. */
public final class ContactIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private ContactIds() {}

    public static boolean isWellFormed(String contactId) {
        return WELL_FORMED.matcher(contactId).matches();
    }
}
