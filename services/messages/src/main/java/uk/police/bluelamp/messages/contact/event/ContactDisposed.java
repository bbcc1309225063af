package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;

/**
 * A reviewer disposed of a contact that is part of no case, at its retention review: its
 * personal data is erased by crypto-shredding. The reason is a decision number, kept in clear
 * like an erasure's.
 */
public record ContactDisposed(String contactId, String reason, String by, Instant at) implements ContactEvent {}
