package uk.police.bluelamp.messages.handler.event;

/** Everything that can happen to a call handler's working state. */
public sealed interface HandlerEvent permits HandlerAvailabilityChanged, HandlerDisplayNameSet, HandlerSkillsSet {

    String handler();
}
