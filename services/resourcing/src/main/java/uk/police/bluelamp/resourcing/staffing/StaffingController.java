package uk.police.bluelamp.resourcing.staffing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.staffing.command.PlanHandlers;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.readmodel.ReadModelWait;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.resourcing.forecast.DemandForecasts;

/**
 * A day's staffing (needed, planned, signed in) and the plan supervisors keep. A plan change
 * answers once the page's read shows it.
 */
@RestController
class StaffingController {

    /** Four weeks back (as it came) and the four forecast ahead. */
    static final int DAYS_BACK = 28;

    private static final Duration PLAN_WAIT = Duration.ofSeconds(5);

    private final StaffingPlanner planner;
    private final Commands commands;
    private final Clock clock;

    StaffingController(StaffingPlanner planner, Commands commands, Clock clock) {
        this.planner = planner;
        this.commands = commands;
        this.clock = clock;
    }

    record PlannedHour(
            @Schema(requiredMode = REQUIRED) DayOfWeek day,

            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "23")
            int hour,

            @Schema(requiredMode = REQUIRED) int handlers) {}

    record StaffingPlanRequest(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"})
            String day,

            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "23")
            Integer fromHour,

            @Schema(
                    requiredMode = REQUIRED,
                    minimum = "1",
                    maximum = "24",
                    description = "Up to, not including; 24 is midnight")
            Integer toHour,

            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "999")
            Integer handlers) {}

    @GetMapping("/api/v1/staff/supervisor/planning/staffing")
    StaffingPlanner.StaffingDay staffing(@RequestParam(required = false) String date) {
        LocalDate today = today();
        LocalDate day = today;
        if (date != null) {
            List<FieldError> errors = new ArrayList<>();
            String given = Fields.required(date, "date", "Enter a date", 10, errors);
            Fields.throwIfAny(errors);
            try {
                day = LocalDate.parse(given);
            } catch (DateTimeParseException e) {
                throw InvalidRequest.of("date", "Enter a real date, like 2027-01-31");
            }
        }
        if (day.isBefore(today.minusDays(DAYS_BACK)) || !day.isBefore(today.plusDays(DemandForecasts.HORIZON_DAYS))) {
            throw InvalidRequest.of("date", "Choose a day within four weeks before today or the four weeks from today");
        }
        return planner.day(day, today, clock.instant());
    }

    @GetMapping("/api/v1/staff/supervisor/planning/plan")
    List<PlannedHour> plan() {
        return planner.plan().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new PlannedHour(DayOfWeek.values()[e.getKey() / 24], e.getKey() % 24, e.getValue()))
                .toList();
    }

    @PutMapping("/api/v1/staff/supervisor/planning/plan")
    List<PlannedHour> plan(@RequestBody StaffingPlanRequest request, Authentication staff) {
        List<FieldError> errors = new ArrayList<>();
        DayOfWeek day = null;
        try {
            day = request.day() == null ? null : DayOfWeek.valueOf(request.day());
        } catch (IllegalArgumentException e) {
            // Named below.
        }
        if (day == null) {
            errors.add(new FieldError("day", "Choose a day of the week"));
        }
        if (request.fromHour() == null || request.fromHour() < 0 || request.fromHour() > 23) {
            errors.add(new FieldError("fromHour", "Choose the hour the plan starts"));
        }
        if (request.toHour() == null || request.toHour() < 1 || request.toHour() > 24) {
            errors.add(new FieldError("toHour", "Choose the hour the plan ends"));
        } else if (request.fromHour() != null && request.toHour() <= request.fromHour()) {
            errors.add(new FieldError("toHour", "The plan must end after it starts"));
        }
        if (request.handlers() == null || request.handlers() < 0 || request.handlers() > StaffingPlan.MAX_HANDLERS) {
            errors.add(
                    new FieldError("handlers", "Enter the number of handlers, from 0 to " + StaffingPlan.MAX_HANDLERS));
        }
        Fields.throwIfAny(errors);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        commands.sendAsStaff(
                new PlanHandlers(StaffingPlan.FORCE, day, request.fromHour(), request.toHour(), request.handlers(), at),
                staff.getName());
        int weekday = day.ordinal();
        int hours = request.toHour() - request.fromHour();
        ReadModelWait.await(() -> shown(weekday, request, hours) ? Optional.of(true) : Optional.empty(), PLAN_WAIT);
        return plan();
    }

    /** The plan shows the request's numbers for every hour it covers (a change that changed nothing included). */
    private boolean shown(int weekday, StaffingPlanRequest request, int hours) {
        var plan = planner.plan();
        for (int hour = request.fromHour(); hour < request.toHour(); hour++) {
            if (!Integer.valueOf(request.handlers()).equals(plan.get(weekday * 24 + hour))) {
                return false;
            }
        }
        return hours > 0;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DemandForecasts.FORCE_ZONE));
    }
}
