package uk.police.bluelamp.messages.contact;

/** Everything that can happen to a contact. */
public sealed interface ContactEvent permits ContactReceived {

    String contactId();
}
