package uk.police.bluelamp.contact.contact;

/** A command the contact's current state does not allow, worded for the person who sent it. */
public class ContactRefused extends RuntimeException {

    public ContactRefused(String message) {
        super(message);
    }
}
