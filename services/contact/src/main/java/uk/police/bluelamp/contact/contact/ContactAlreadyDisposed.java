package uk.police.bluelamp.contact.contact;

/** The contact was disposed of already: a repeated disposal only finishes the erasure, if it did not. */
public class ContactAlreadyDisposed extends ContactRefused {

    ContactAlreadyDisposed() {
        super("This contact has been disposed of already");
    }
}
