package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.UpdateChannel;

/**
 * The resolved case asks the citizen how satisfied they were, by the channel they chose for
 * updates. Only the SHA-256 of the link's one-time token is kept.
 */
public record SatisfactionRequested(
        String reference, String requestId, String tokenHash, UpdateChannel channel, Instant at) implements CaseEvent {}
