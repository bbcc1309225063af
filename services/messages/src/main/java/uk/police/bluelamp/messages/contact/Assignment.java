package uk.police.bluelamp.messages.contact;

/** How a contact came to a handler. */
public enum Assignment {
    TAKEN,
    OFFERED,
    ANSWERED,
    TRANSFERRED
}
