package uk.police.bluelamp.messages.staffing.event;

import java.time.DayOfWeek;
import java.time.Instant;

public record HandlersPlanned(String plan, DayOfWeek day, int fromHour, int toHour, int handlers, Instant at)
        implements StaffingPlanEvent {}
