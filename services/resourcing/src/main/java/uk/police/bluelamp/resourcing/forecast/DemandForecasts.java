package uk.police.bluelamp.resourcing.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures;
import uk.police.bluelamp.resourcing.forecast.SeasonalTrend.Day;

/**
 * Contacts each channel can expect in each quarter hour of the next four weeks, from up to twelve
 * weeks of the contacts offered before today, and how far the same method was from the last
 * weeks when they were held out. Computed on request from the facts: nothing is kept, so every
 * node gives the same answer and a rebuild of the facts changes it at once.
 */
@Component
public class DemandForecasts {

    public static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");
    public static final int HORIZON_DAYS = 28;
    static final int HISTORY_DAYS = 84;

    private final ContactCentreFigures figures;

    DemandForecasts(ContactCentreFigures figures) {
        this.figures = figures;
    }

    /**
     * @param method how it was forecast: NONE, SEASONAL_NAIVE or SEASONAL_TREND
     * @param historyDays days from the channel's first contact in the window to today
     * @param backTest the held-out weeks' accuracy, or null when the history is too short to hold any out
     * @param days quarter hours of each day from {@code from}, 96 by the clock
     */
    public record ChannelForecast(
            Channel channel, String method, int historyDays, BackTest backTest, LocalDate from, List<double[]> days) {}

    /** The accuracy of the method (which may be a fallback) fitted without the last {@code days}. */
    public record BackTest(int days, String method, Double wape, Double bias) {}

    public ChannelForecast forecast(Channel channel, LocalDate today) {
        List<Day> history = history(channel, today);
        List<DayOfWeek> future = new ArrayList<>();
        for (int d = 0; d < HORIZON_DAYS; d++) {
            future.add(today.plusDays(d).getDayOfWeek());
        }
        SeasonalTrend.Result result = SeasonalTrend.forecast(history, future);
        return new ChannelForecast(
                channel, result.method().name(), history.size(), backTest(history), today, result.days());
    }

    /** What came: each day's contacts offered by quarter hour of the clock. */
    public List<double[]> actual(Channel channel, LocalDate from, int days) {
        double[][] counts = new double[days][SeasonalTrend.QUARTER_HOURS];
        var intervals =
                figures.intervals(channel, start(from), start(from.plusDays(days)), Duration.ZERO, Duration.ZERO);
        for (ContactCentreFigures.Interval interval : intervals) {
            ZonedDateTime local = interval.start().atZone(FORCE_ZONE);
            int day = (int) ChronoUnit.DAYS.between(from, local.toLocalDate());
            counts[day][quarterHour(local)] += interval.offered();
        }
        return List.of(counts);
    }

    /** The quarter hour of the day by the clock, 0 to 95 (the hour repeated in October falls in the same ones). */
    public static int quarterHour(ZonedDateTime local) {
        return local.getHour() * 4 + local.getMinute() / 15;
    }

    public static Instant start(LocalDate day) {
        return day.atStartOfDay(FORCE_ZONE).toInstant();
    }

    /** Days from the first with a contact, among the last twelve weeks, to yesterday. */
    private List<Day> history(Channel channel, LocalDate today) {
        LocalDate from = today.minusDays(HISTORY_DAYS);
        List<double[]> counts = actual(channel, from, HISTORY_DAYS);
        int first = 0;
        while (first < counts.size() && SeasonalTrend.mean(counts.get(first)) == 0) {
            first++;
        }
        List<Day> history = new ArrayList<>();
        for (int d = first; d < counts.size(); d++) {
            history.add(new Day(from.plusDays(d).getDayOfWeek(), counts.get(d)));
        }
        return history;
    }

    /** Two weeks held out once six are known, one once two are; under two weeks, none. */
    private static BackTest backTest(List<Day> history) {
        int holdOut = history.size() >= 42 ? 14 : history.size() >= 14 ? 7 : 0;
        if (holdOut == 0) {
            return null;
        }
        List<Day> training = history.subList(0, history.size() - holdOut);
        List<Day> heldOut = history.subList(history.size() - holdOut, history.size());
        SeasonalTrend.Result result = SeasonalTrend.forecast(
                training, heldOut.stream().map(Day::weekday).toList());
        Accuracy accuracy = Accuracy.of(heldOut.stream().map(Day::counts).toList(), result.days());
        return new BackTest(holdOut, result.method().name(), accuracy.wape(), accuracy.bias());
    }
}
