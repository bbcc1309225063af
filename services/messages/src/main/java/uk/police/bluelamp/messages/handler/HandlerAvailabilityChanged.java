package uk.police.bluelamp.messages.handler;

import java.time.Instant;

public record HandlerAvailabilityChanged(String handler, Availability status, Availability previous, Instant at)
        implements HandlerEvent {}
