package uk.police.bluelamp.resourcing.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.resourcing.forecast.SeasonalTrend.Day;
import uk.police.bluelamp.resourcing.forecast.SeasonalTrend.Method;

class SeasonalTrendTest {

    /** A weekday's shape: quiet nights, a morning and an evening peak, busier Mondays and Saturdays. */
    static double shape(DayOfWeek weekday, int quarter) {
        double hour = quarter / 4.0;
        double day = 0.2 + Math.exp(-Math.pow(hour - 10, 2) / 8) + 0.7 * Math.exp(-Math.pow(hour - 19, 2) / 6);
        double week = weekday == DayOfWeek.MONDAY ? 1.4 : weekday == DayOfWeek.SATURDAY ? 1.2 : 1;
        return day * week;
    }

    static double truth(int day, int quarter) {
        return (4 + 0.05 * day) * shape(DayOfWeek.MONDAY.plus(day), quarter);
    }

    static List<Day> history(int days, Random noise) {
        List<Day> history = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            double[] counts = new double[SeasonalTrend.QUARTER_HOURS];
            for (int s = 0; s < counts.length; s++) {
                counts[s] = noise == null ? truth(d, s) : poisson(truth(d, s), noise);
            }
            history.add(new Day(DayOfWeek.MONDAY.plus(d), counts));
        }
        return history;
    }

    static List<DayOfWeek> weekdays(int from, int days) {
        List<DayOfWeek> weekdays = new ArrayList<>();
        for (int d = from; d < from + days; d++) {
            weekdays.add(DayOfWeek.MONDAY.plus(d));
        }
        return weekdays;
    }

    @Test
    void recoversAWeeklyAndIntradayPatternWithItsTrend() {
        SeasonalTrend.Result result = SeasonalTrend.forecast(history(56, null), weekdays(56, 28));
        assertThat(result.method()).isEqualTo(Method.SEASONAL_TREND);
        for (int h = 0; h < 28; h++) {
            double[] day = result.days().get(h);
            for (int s = 0; s < day.length; s++) {
                assertThat(day[s]).isCloseTo(truth(56 + h, s), within(0.03 * truth(56 + h, s)));
            }
        }
        // The level is in the profile's units: contacts per quarter hour on a week's average shape.
        double shapeMean = 0;
        for (int d = 0; d < 7; d++) {
            for (int s = 0; s < SeasonalTrend.QUARTER_HOURS; s++) {
                shapeMean += shape(DayOfWeek.MONDAY.plus(d), s) / (7.0 * SeasonalTrend.QUARTER_HOURS);
            }
        }
        double daily = 0.05 * shapeMean;
        assertThat(result.trendPerDay()).isPositive().isCloseTo(daily, within(0.1 * daily));
    }

    @Test
    void withPoissonNoiseTheForecastOfTheNextWeekIsCloseToTheTruth() {
        SeasonalTrend.Result result = SeasonalTrend.forecast(history(56, new Random(15)), weekdays(56, 7));
        List<double[]> truth = new ArrayList<>();
        for (int h = 0; h < 7; h++) {
            double[] day = new double[SeasonalTrend.QUARTER_HOURS];
            for (int s = 0; s < day.length; s++) {
                day[s] = truth(56 + h, s);
            }
            truth.add(day);
        }
        Accuracy accuracy = Accuracy.of(truth, result.days());
        // Two counts a quarter hour on average: last week's counts alone are 4 times as far out.
        List<SeasonalTrend.Day> history = history(56, new Random(15));
        Accuracy lastWeek = Accuracy.of(
                truth,
                history.subList(49, 56).stream().map(SeasonalTrend.Day::counts).toList());
        assertThat(accuracy.wape()).isLessThan(0.10).isLessThan(lastWeek.wape() / 4);
        assertThat(Math.abs(accuracy.bias())).isLessThan(0.05);
    }

    @Test
    void underTwoWeeksItRepeatsTheSameWeekdayAndWithNothingItForecastsNothing() {
        List<Day> nine = history(9, null);
        SeasonalTrend.Result naive = SeasonalTrend.forecast(nine, weekdays(9, 7));
        assertThat(naive.method()).isEqualTo(Method.SEASONAL_NAIVE);
        // Day 9 is a Wednesday: the last Wednesday seen is day 2; day 14 (Monday) is day 7.
        assertThat(naive.days().get(0)).containsExactly(nine.get(2).counts());
        assertThat(naive.days().get(5)).containsExactly(nine.get(7).counts());
        SeasonalTrend.Result oneDay = SeasonalTrend.forecast(history(1, null), weekdays(1, 2));
        assertThat(oneDay.days().get(1)).containsExactly(history(1, null).get(0).counts());
        SeasonalTrend.Result none = SeasonalTrend.forecast(List.of(), weekdays(0, 3));
        assertThat(none.method()).isEqualTo(Method.NONE);
        assertThat(none.days()).hasSize(3).allSatisfy(d -> assertThat(d).containsOnly(0.0));
    }

    @Test
    void wapeAndBiasAreTheWeightedErrors() {
        List<double[]> actual = List.of(new double[] {10, 0, 5}, new double[] {5, 0, 0});
        List<double[]> forecast = List.of(new double[] {8, 1, 5}, new double[] {6, 0, 0});
        Accuracy accuracy = Accuracy.of(actual, forecast);
        // |−2| + 1 + 0 + 1 = 4 over 20; (−2 + 1 + 1) = 0 over 20.
        assertThat(accuracy.wape()).isCloseTo(0.2, within(1e-12));
        assertThat(accuracy.bias()).isCloseTo(0.0, within(1e-12));
        assertThat(accuracy.days()).isEqualTo(2);
        assertThat(Accuracy.of(List.of(new double[] {0}), List.of(new double[] {3}))
                        .wape())
                .isNull();
    }

    private static double poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
