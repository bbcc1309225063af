package uk.police.bluelamp.messages.handler.event;

import java.time.Instant;
import java.util.List;

/** The handler's skills from now on (codes, sorted), and the supervisor who set them. */
public record HandlerSkillsSet(String handler, List<String> skills, String by, Instant at) implements HandlerEvent {}
