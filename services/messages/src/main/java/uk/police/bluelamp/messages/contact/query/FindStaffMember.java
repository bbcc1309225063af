package uk.police.bluelamp.messages.contact.query;

/**
 * Asks the contact context whether a username is a member of staff it knows (an account, or a
 * handler who has signed in and set their availability): answered with the username, or empty.
 */
public record FindStaffMember(String username) {}
