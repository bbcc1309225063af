package uk.police.bluelamp.contact.contact;

/** Two handlers went for the same contact at the same moment: this one was second. */
public class ContactAlreadyTaken extends RuntimeException {

    public ContactAlreadyTaken(String contactId) {
        super("Another handler took contact " + contactId + " first");
    }
}
