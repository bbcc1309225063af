package uk.police.bluelamp.resourcing.forecast;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * Contacts per quarter hour as a weekly profile (each weekday's 96 quarter hours) times a level
 * with a trend, the level and trend smoothed day by day (Holt's linear exponential smoothing),
 * the method and its fallbacks in docs/adr/0041-demand-forecast-and-staffing.md. Days are local
 * days of 96 quarter hours by the clock, so a profile learnt in winter still fits in summer.
 */
final class SeasonalTrend {

    static final int QUARTER_HOURS = 96;
    /** Two weeks: every weekday seen twice, so a weekday's shape is not one day's accident. */
    static final int MIN_DAYS_FOR_TREND = 14;

    /** How many weeks' worth the shape of all days counts for in each weekday's shape. */
    static final double POOLED_WEEKS = 2;

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5};
    private static final double[] BETAS = {0.01, 0.05, 0.1, 0.2};

    enum Method {
        /** No history: nothing is forecast. */
        NONE,
        /** Under two weeks: each day as the same weekday last week (or the last day, under a week). */
        SEASONAL_NAIVE,
        /** Weekly profile × level and trend by Holt's linear smoothing. */
        SEASONAL_TREND
    }

    record Day(DayOfWeek weekday, double[] counts) {}

    /** The forecast days in order, and the smoothed level (contacts per quarter hour) and its trend per day. */
    record Result(Method method, List<double[]> days, double level, double trendPerDay) {}

    private SeasonalTrend() {}

    static Result forecast(List<Day> history, List<DayOfWeek> future) {
        if (history.isEmpty()) {
            return new Result(
                    Method.NONE,
                    future.stream().map(d -> new double[QUARTER_HOURS]).toList(),
                    0,
                    0);
        }
        if (history.size() < MIN_DAYS_FOR_TREND) {
            return naive(history, future);
        }
        int n = history.size();
        // A straight line through the daily means over whole weeks, so every weekday weighs alike.
        int from = n % 7;
        double[] line = leastSquares(history, from);
        double[][] profile = profile(history, from, line);
        double[] weekdayFactor = new double[7];
        for (int w = 0; w < 7; w++) {
            weekdayFactor[w] = mean(profile[w]);
        }
        double[] deseasonalised = new double[n];
        for (int d = 0; d < n; d++) {
            double f = weekdayFactor[history.get(d).weekday().ordinal()];
            deseasonalised[d] = f > 0 ? mean(history.get(d).counts()) / f : Double.NaN;
        }
        double[] best = holt(deseasonalised, line, ALPHAS[0], BETAS[0]);
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                double[] fit = holt(deseasonalised, line, alpha, beta);
                if (fit[2] < best[2]) {
                    best = fit;
                }
            }
        }
        List<double[]> days = new ArrayList<>();
        for (int h = 0; h < future.size(); h++) {
            double level = Math.max(0, best[0] + (h + 1) * best[1]);
            double[] shape = profile[future.get(h).ordinal()];
            double[] day = new double[QUARTER_HOURS];
            for (int s = 0; s < QUARTER_HOURS; s++) {
                day[s] = level * shape[s];
            }
            days.add(day);
        }
        return new Result(Method.SEASONAL_TREND, days, best[0], best[1]);
    }

    private static Result naive(List<Day> history, List<DayOfWeek> future) {
        List<double[]> days = new ArrayList<>();
        Day last = history.get(history.size() - 1);
        for (DayOfWeek weekday : future) {
            Day same = last;
            for (int d = history.size() - 1; d >= 0; d--) {
                if (history.get(d).weekday() == weekday) {
                    same = history.get(d);
                    break;
                }
            }
            days.add(same.counts().clone());
        }
        return new Result(Method.SEASONAL_NAIVE, days, mean(last.counts()), 0);
    }

    /** Intercept and slope of the daily mean against the day's index, over days from {@code from}. */
    private static double[] leastSquares(List<Day> history, int from) {
        int n = history.size() - from;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int d = from; d < history.size(); d++) {
            double y = mean(history.get(d).counts());
            sx += d;
            sy += y;
            sxx += (double) d * d;
            sxy += d * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - slope * sx) / n, slope};
    }

    /**
     * Each weekday's quarter hours as multiples of the line, averaged over the weeks, scaled to
     * average 1. A quarter hour seen on a handful of days is mostly noise, so each weekday's shape
     * of the day leans towards the shape of all days (as if {@link #POOLED_WEEKS} weeks of it
     * were seen too) and each quarter hour towards its neighbours; the weekday keeps its own total.
     */
    private static double[][] profile(List<Day> history, int from, double[] line) {
        double[][] sum = new double[7][QUARTER_HOURS];
        int[] seen = new int[7];
        for (int d = from; d < history.size(); d++) {
            double base = Math.max(line[0] + line[1] * d, 1e-9);
            Day day = history.get(d);
            int w = day.weekday().ordinal();
            seen[w]++;
            for (int s = 0; s < QUARTER_HOURS; s++) {
                sum[w][s] += day.counts()[s] / base;
            }
        }
        double[] pooled = new double[QUARTER_HOURS];
        for (int w = 0; w < 7; w++) {
            for (int s = 0; s < QUARTER_HOURS; s++) {
                sum[w][s] = seen[w] == 0 ? 0 : sum[w][s] / seen[w];
            }
            double[] shape = shape(sum[w]);
            for (int s = 0; s < QUARTER_HOURS; s++) {
                pooled[s] += shape[s] / 7;
            }
        }
        double total = 0;
        for (int w = 0; w < 7; w++) {
            double[] own = shape(sum[w]);
            double weekday = mean(sum[w]);
            double[] blended = new double[QUARTER_HOURS];
            for (int s = 0; s < QUARTER_HOURS; s++) {
                blended[s] = (seen[w] * own[s] + POOLED_WEEKS * pooled[s]) / (seen[w] + POOLED_WEEKS);
            }
            double[] smooth = shape(smoothed(blended));
            for (int s = 0; s < QUARTER_HOURS; s++) {
                sum[w][s] = weekday * smooth[s];
                total += sum[w][s];
            }
        }
        double average = total / (7 * QUARTER_HOURS);
        if (average > 0) {
            for (double[] weekday : sum) {
                for (int s = 0; s < QUARTER_HOURS; s++) {
                    weekday[s] /= average;
                }
            }
        }
        return sum;
    }

    /** The day's quarter hours over their mean (all zero for a day with nothing). */
    private static double[] shape(double[] day) {
        double m = mean(day);
        double[] shape = new double[day.length];
        for (int s = 0; s < day.length; s++) {
            shape[s] = m > 0 ? day[s] / m : 0;
        }
        return shape;
    }

    /** Each quarter hour with half its own weight and a quarter of each neighbour's (none past midnight). */
    private static double[] smoothed(double[] day) {
        double[] out = new double[day.length];
        for (int s = 0; s < day.length; s++) {
            double before = day[Math.max(0, s - 1)];
            double after = day[Math.min(day.length - 1, s + 1)];
            out[s] = 0.25 * before + 0.5 * day[s] + 0.25 * after;
        }
        return out;
    }

    /** Holt's linear smoothing from the line's start: {level, trend, one-step squared error}. */
    private static double[] holt(double[] x, double[] line, double alpha, double beta) {
        // Day 0's expectation is the line's value there.
        double level = line[0] - line[1];
        double trend = line[1];
        double error = 0;
        for (int d = 0; d < x.length; d++) {
            double expected = level + trend;
            if (Double.isNaN(x[d])) {
                level = expected;
                continue;
            }
            error += (x[d] - expected) * (x[d] - expected);
            double next = alpha * x[d] + (1 - alpha) * expected;
            trend = beta * (next - level) + (1 - beta) * trend;
            level = next;
        }
        return new double[] {level, trend, error};
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
