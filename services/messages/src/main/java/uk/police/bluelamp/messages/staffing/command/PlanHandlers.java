package uk.police.bluelamp.messages.staffing.command;

import java.time.DayOfWeek;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Plans this many handlers on duty on a weekday from one hour (inclusive) to another (exclusive, 24 for midnight). */
public record PlanHandlers(
        @TargetAggregateIdentifier String plan, DayOfWeek day, int fromHour, int toHour, int handlers, Instant at) {}
