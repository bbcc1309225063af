package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

/**
 * A handler marked the case unsafe (or safe again) to contact the citizen unprompted, for example
 * when someone who harms them may see their messages: nothing the citizen did not ask for is sent.
 */
public record UnsafeToContactSet(String reference, boolean unsafe, String by, Instant at) implements CaseEvent {}
