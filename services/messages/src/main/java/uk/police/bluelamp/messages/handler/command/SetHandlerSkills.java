package uk.police.bluelamp.messages.handler.command;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a handler's skills (codes from the configured list) as a supervisor sets them. */
public record SetHandlerSkills(@TargetAggregateIdentifier String handler, Set<String> skills, String by, Instant at) {}
