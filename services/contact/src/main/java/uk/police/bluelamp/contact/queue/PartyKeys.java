package uk.police.bluelamp.contact.queue;

import java.util.Locale;

/**
 * One spelling per email address and per name, so a contact's history finds the same person
 * however they typed it ("Sam  Jones" and "sam jones"). Phone numbers have {@link PhoneNumbers}.
 */
public final class PartyKeys {

    private PartyKeys() {}

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** A name of one word ("Sam") matches too many people to be worth a match. */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return key.contains(" ") ? key : null;
    }
}
