package uk.police.bluelamp.messages.contact.query;

/** Asks the contact context what a contact gave that could match another case (possible duplicates). */
public record FindContactDetailsToMatch(String contactId) {}
