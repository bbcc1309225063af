package uk.police.bluelamp.app.demo;

import static uk.police.bluelamp.messages.contact.Channel.CALLBACK;
import static uk.police.bluelamp.messages.contact.Channel.CHAT;
import static uk.police.bluelamp.messages.contact.Channel.PHONE;
import static uk.police.bluelamp.messages.contact.Channel.WEB;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * The demo handlers and their staggered eight-hour shifts (force time), roughly following demand,
 * each with a half-hour break four hours in:
 * a voice team who take calls first and a digital team who take chats first, each taking other
 * channels when their own is quiet, as blended teams do. Online reports wait for the digital
 * team, so those written at night are read in the morning. Names say what they are: no real person is a demo handler.
 */
final class DemoRota {

    static final Duration SHIFT = Duration.ofHours(8);
    static final Duration BREAK_AFTER = Duration.ofHours(4);
    static final Duration BREAK = Duration.ofMinutes(30);

    /** @param works the channels the handler takes, the first first */
    record Shift(String handler, LocalTime start, Set<DayOfWeek> days, List<Channel> works) {}

    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Calls first, then call-backs and chats; never a report, which would keep callers waiting. */
    private static final List<Channel> VOICE = List.of(PHONE, CALLBACK, CHAT);
    /** Chats first, then calls, reports and call-backs. */
    private static final List<Channel> DIGITAL = List.of(CHAT, PHONE, WEB, CALLBACK);

    static final List<Shift> SHIFTS = List.of(
            new Shift("demo-handler-1", LocalTime.of(6, 0), EVERY_DAY, VOICE),
            new Shift("demo-handler-2", LocalTime.of(7, 0), EVERY_DAY, DIGITAL),
            new Shift("demo-handler-3", LocalTime.of(8, 0), EVERY_DAY, VOICE),
            new Shift("demo-handler-4", LocalTime.of(9, 0), WEEKDAYS, DIGITAL),
            new Shift("demo-handler-5", LocalTime.of(10, 0), EVERY_DAY, VOICE),
            new Shift("demo-handler-6", LocalTime.of(11, 0), WEEKDAYS, DIGITAL),
            new Shift("demo-handler-7", LocalTime.of(12, 0), EVERY_DAY, VOICE),
            new Shift("demo-handler-8", LocalTime.of(14, 0), EVERY_DAY, DIGITAL),
            new Shift("demo-handler-9", LocalTime.of(16, 0), EVERY_DAY, VOICE),
            new Shift("demo-handler-10", LocalTime.of(17, 0), EVERY_DAY, DIGITAL),
            new Shift("demo-handler-11", LocalTime.of(20, 0), EVERY_DAY, VOICE),
            new Shift("demo-handler-12", LocalTime.of(23, 0), EVERY_DAY, VOICE));

    /** Whose events show that a demo history was loaded (DemoHistory's marker). */
    static final String FIRST_HANDLER = SHIFTS.get(0).handler();

    static String displayName(String handler) {
        return "Demo handler " + handler.substring(handler.lastIndexOf('-') + 1);
    }

    private DemoRota() {}
}
