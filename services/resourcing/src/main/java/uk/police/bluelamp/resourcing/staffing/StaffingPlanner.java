package uk.police.bluelamp.resourcing.staffing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures;
import uk.police.bluelamp.resourcing.forecast.DemandForecasts;

/**
 * One day's staffing by hour: the handlers each channel needs for its contacts (forecast from
 * today on, as they came before today), the plan for that weekday and hour, and the handlers
 * signed in (available or busy) in the hours that have begun. An hour needs what its busiest
 * quarter hour needs, since the plan cannot change within the hour.
 */
@Component
class StaffingPlanner {

    static final int QUARTER = 900;
    /** Handle times and patience come from this much history before today. */
    static final int HISTORY_DAYS = 28;
    /** Fewer contacts than this in the history and the settings speak instead. */
    static final int ENOUGH = 10;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final DemandForecasts forecasts;
    private final ContactCentreFigures figures;
    private final StaffingSettings settings;
    private final JdbcClient jdbc;

    StaffingPlanner(
            DemandForecasts forecasts, ContactCentreFigures figures, StaffingSettings settings, JdbcClient jdbc) {
        this.forecasts = forecasts;
        this.figures = figures;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    record StaffingAssumptions(
            @Schema(requiredMode = REQUIRED) Channel channel,
            @Schema(requiredMode = REQUIRED) Staffing.Model model,

            @Schema(requiredMode = REQUIRED, description = "0.8 = 80%")
            double serviceLevel,

            @Schema(requiredMode = REQUIRED) long answerWithinSeconds,
            @Schema(requiredMode = REQUIRED) double handleSeconds,

            @Schema(requiredMode = REQUIRED, description = "False: the setting, for want of history")
            boolean handleFromHistory,

            @Schema(requiredMode = NOT_REQUIRED, description = "Chat only")
            Double patienceSeconds,

            @Schema(requiredMode = NOT_REQUIRED, description = "Chat only")
            Boolean patienceFromHistory) {}

    record ChannelStaffing(
            @Schema(requiredMode = REQUIRED) Channel channel,
            @Schema(requiredMode = REQUIRED) double contacts,

            @Schema(requiredMode = REQUIRED, description = "On duty, at the hour's busiest quarter")
            int needed) {}

    record StaffingHour(
            @Schema(requiredMode = REQUIRED) Instant start,

            @Schema(requiredMode = REQUIRED, description = "Local time, HH:mm")
            String time,

            @Schema(requiredMode = REQUIRED) double contacts,
            @Schema(requiredMode = REQUIRED) List<ChannelStaffing> channels,

            @Schema(requiredMode = REQUIRED, description = "On duty, all channels")
            int needed,

            @Schema(requiredMode = REQUIRED, description = "On the rota, allowing for shrinkage")
            int neededOnRota,

            @Schema(requiredMode = NOT_REQUIRED, description = "None when the hour is not planned")
            Integer planned,

            @Schema(requiredMode = NOT_REQUIRED, description = "Signed in on average; none for an hour not begun")
            Double available) {}

    record StaffingDay(
            @Schema(requiredMode = REQUIRED) LocalDate date,

            @Schema(requiredMode = REQUIRED, description = "True: from the forecast; false: the contacts that came")
            boolean forecast,

            @Schema(requiredMode = REQUIRED) double shrinkage,
            @Schema(requiredMode = REQUIRED) int chatConcurrency,
            @Schema(requiredMode = REQUIRED) List<StaffingAssumptions> assumptions,
            @Schema(requiredMode = REQUIRED) List<StaffingHour> hours) {}

    StaffingDay day(LocalDate date, LocalDate today, Instant now) {
        boolean forecast = !date.isBefore(today);
        Map<Channel, double[]> contacts = new EnumMap<>(Channel.class);
        List<StaffingAssumptions> assumptions = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            contacts.put(
                    channel,
                    forecast
                            ? forecasts.forecast(channel, today).days().get((int)
                                    (date.toEpochDay() - today.toEpochDay()))
                            : forecasts.actual(channel, date, 1).get(0));
            assumptions.add(assumptions(channel, today));
        }
        int concurrency = settings.chatConcurrency();
        double shrinkage = settings.shrinkage();
        Map<Channel, int[]> needed = new EnumMap<>(Channel.class);
        for (StaffingAssumptions a : assumptions) {
            double[] expected = contacts.get(a.channel());
            int[] need = new int[expected.length];
            for (int q = 0; q < expected.length; q++) {
                need[q] = Staffing.needed(
                        a.channel(),
                        expected[q],
                        QUARTER,
                        a.handleSeconds(),
                        a.patienceSeconds() == null ? Double.POSITIVE_INFINITY : a.patienceSeconds(),
                        settings.target(a.channel()),
                        concurrency);
            }
            needed.put(a.channel(), need);
        }
        Map<Integer, Integer> plan = plan();
        List<StaffingHour> hours = new ArrayList<>();
        for (Instant start = DemandForecasts.start(date);
                start.isBefore(DemandForecasts.start(date.plusDays(1)));
                start = start.plusSeconds(3600)) {
            ZonedDateTime local = start.atZone(DemandForecasts.FORCE_ZONE);
            int first = DemandForecasts.quarterHour(local);
            List<ChannelStaffing> channels = new ArrayList<>();
            double total = 0;
            int peak = 0;
            for (int q = first; q < first + 4; q++) {
                int sum = 0;
                for (Channel channel : Channel.values()) {
                    sum += needed.get(channel)[q];
                }
                peak = Math.max(peak, sum);
            }
            for (Channel channel : Channel.values()) {
                double sum = 0;
                int most = 0;
                for (int q = first; q < first + 4; q++) {
                    sum += contacts.get(channel)[q];
                    most = Math.max(most, needed.get(channel)[q]);
                }
                total += sum;
                channels.add(new ChannelStaffing(channel, sum, most));
            }
            hours.add(new StaffingHour(
                    start,
                    local.format(HOUR),
                    total,
                    channels,
                    peak,
                    Staffing.withShrinkage(peak, shrinkage),
                    plan.get(local.getDayOfWeek().ordinal() * 24 + local.getHour()),
                    available(start, now)));
        }
        return new StaffingDay(date, forecast, shrinkage, concurrency, assumptions, hours);
    }

    private StaffingAssumptions assumptions(Channel channel, LocalDate today) {
        StaffingSettings.Target target = settings.target(channel);
        Instant from = DemandForecasts.start(today.minusDays(HISTORY_DAYS));
        Instant to = DemandForecasts.start(today);
        long handled = 0;
        double handleSeconds = 0;
        for (var interval : figures.intervals(channel, from, to, Duration.ZERO, Duration.ZERO)) {
            handled += interval.handled();
            handleSeconds += interval.handleSeconds();
        }
        boolean handleFromHistory = handled >= ENOUGH && handleSeconds > 0;
        double handle = handleFromHistory
                ? handleSeconds / handled
                : target.handleTime().toSeconds();
        Double patience = null;
        Boolean patienceFromHistory = null;
        if (Staffing.model(channel) == Staffing.Model.ERLANG_A) {
            ContactCentreFigures.Waits waits = figures.waits(channel, from, to);
            patienceFromHistory = waits.abandoned() >= ENOUGH;
            // Exponential patience, censored by answers: its rate is those who left over all the time spent waiting.
            patience = patienceFromHistory
                    ? Math.max(1, waits.waitingSeconds() / waits.abandoned())
                    : (double) target.patience().toSeconds();
        }
        return new StaffingAssumptions(
                channel,
                Staffing.model(channel),
                target.serviceLevel(),
                target.answerWithin().toSeconds(),
                handle,
                handleFromHistory,
                patience,
                patienceFromHistory);
    }

    /** Handlers on average signed in over the part of the hour gone by; null for an hour not begun. */
    private Double available(Instant start, Instant now) {
        if (!start.isBefore(now)) {
            return null;
        }
        Instant end = start.plusSeconds(3600).isBefore(now) ? start.plusSeconds(3600) : now;
        double seconds = Duration.between(start, end).toMillis() / 1000.0;
        double signedIn = figures.handlers(start, end).stream()
                .mapToDouble(h -> h.availableSeconds() + h.busySeconds())
                .sum();
        return seconds <= 0 ? 0 : signedIn / seconds;
    }

    /** Handlers planned by weekday ordinal × 24 + hour. */
    Map<Integer, Integer> plan() {
        Map<Integer, Integer> plan = new HashMap<>();
        jdbc.sql("select weekday, hour, handlers from staffing_plan").query(rs -> {
            plan.put(rs.getInt("weekday") * 24 + rs.getInt("hour"), rs.getInt("handlers"));
        });
        return plan;
    }
}
