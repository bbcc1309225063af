package uk.police.bluelamp.messages.handler.event;

import java.time.Instant;

/**
 * The name citizens see for this handler; null when cleared. Staff data, not a citizen's: it is
 * not personal data of the public and no citizen's erasure touches it.
 */
public record HandlerDisplayNameSet(String handler, String displayName, Instant at) implements HandlerEvent {}
