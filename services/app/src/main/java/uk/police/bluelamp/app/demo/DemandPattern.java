package uk.police.bluelamp.app.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * How many contacts a demo force expects, by channel, quarter-hour and day: a daytime peak, quiet
 * small hours, quieter weekends with busier Friday and Saturday nights, evening chats, call-backs
 * asked for only in office hours, and a slight growth week on week (for the forecast's trend).
 * Bursts come on top, from DemoSimulation.
 */
final class DemandPattern {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");
    static final Duration SLOT = Duration.ofMinutes(15);

    /** A weekday's contacts per channel (a small force's 101 demand, scaled down). */
    private static final Map<Channel, Double> WEEKDAY = new EnumMap<>(Map.of(
            Channel.PHONE, 220.0,
            Channel.WEB, 70.0,
            Channel.CHAT, 60.0,
            Channel.CALLBACK, 25.0));

    /** Relative demand by local hour: low from 1 to 6, a peak late morning and again late afternoon. */
    private static final double[] HOURLY = {
        0.6, 0.45, 0.35, 0.3, 0.3, 0.35, 0.6, 1.1, 1.8, 2.3, 2.6, 2.7, 2.6, 2.5, 2.5, 2.6, 2.7, 2.6, 2.3, 2.0, 1.7, 1.4,
        1.1, 0.8
    };

    private static final double WEEKLY_GROWTH = 0.01;

    private final Map<Channel, double[]> shares = new EnumMap<>(Channel.class);
    private final Instant end;

    /** @param end the end of the history: growth is counted back from it */
    DemandPattern(Instant end) {
        this.end = end;
        for (Channel channel : Channel.values()) {
            double[] weights = new double[24];
            double total = 0;
            for (int hour = 0; hour < 24; hour++) {
                weights[hour] = weight(channel, hour);
                total += weights[hour];
            }
            for (int hour = 0; hour < 24; hour++) {
                weights[hour] /= total;
            }
            shares.put(channel, weights);
        }
    }

    private static double weight(Channel channel, int hour) {
        return switch (channel) {
            case PHONE -> HOURLY[hour];
            // Online reports are written whenever people have a moment: a flatter day.
            case WEB -> Math.sqrt(HOURLY[hour]);
            case CHAT -> HOURLY[hour] * (hour >= 17 && hour <= 22 ? 1.4 : 1.0);
            // The call-back form offers windows in office hours only.
            case CALLBACK -> hour >= 8 && hour < 20 ? HOURLY[hour] : 0;
        };
    }

    /** Expected contacts of the channel in the quarter-hour starting at {@code slot}, without bursts. */
    double expected(Channel channel, Instant slot) {
        ZonedDateTime local = slot.atZone(FORCE_ZONE);
        int hour = local.getHour();
        double perHour = WEEKDAY.get(channel) * day(local.getDayOfWeek()) * shares.get(channel)[hour];
        boolean lateWeekendNight =
                (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY)
                        && hour < 3
                        && channel != Channel.CALLBACK;
        double weeksBeforeEnd = Duration.between(slot, end).toHours() / (24.0 * 7);
        return perHour / 4 * (lateWeekendNight ? 1.6 : 1) * (1 - WEEKLY_GROWTH * weeksBeforeEnd);
    }

    /** Expected contacts of every channel from {@code from} to {@code to}, without bursts. */
    double expected(Instant from, Instant to) {
        double total = 0;
        for (Instant slot = from; slot.isBefore(to); slot = slot.plus(SLOT)) {
            for (Channel channel : Channel.values()) {
                total += expected(channel, slot);
            }
        }
        return total;
    }

    private static double day(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> 1.15;
            case TUESDAY, FRIDAY -> 1.05;
            case WEDNESDAY, THURSDAY -> 1.0;
            case SATURDAY -> 0.8;
            case SUNDAY -> 0.75;
        };
    }
}
