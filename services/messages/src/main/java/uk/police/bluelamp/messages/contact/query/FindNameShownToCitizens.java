package uk.police.bluelamp.messages.contact.query;

/**
 * Asks the contact context how citizens see a member of staff: the display name they chose, or
 * a neutral title, never their username. Answered with a String.
 */
public record FindNameShownToCitizens(String username) {}
