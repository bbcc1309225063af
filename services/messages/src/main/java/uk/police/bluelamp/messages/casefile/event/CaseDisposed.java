package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

/**
 * A reviewer disposed of a case at its retention review: its personal data is erased by
 * crypto-shredding. The reason is a decision or ticket number, never the person's details, so it
 * is kept in clear like an erasure's.
 */
public record CaseDisposed(String reference, String reason, String by, Instant at) implements CaseEvent {}
