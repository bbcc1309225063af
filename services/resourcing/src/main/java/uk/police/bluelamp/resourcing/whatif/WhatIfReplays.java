package uk.police.bluelamp.resourcing.whatif;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.resourcing.whatif.DayOfContacts.Duty;
import uk.police.bluelamp.resourcing.whatif.DayOfContacts.Observed;
import uk.police.bluelamp.resourcing.whatif.QueueReplay.Arrival;
import uk.police.bluelamp.resourcing.whatif.QueueReplay.Handler;
import uk.police.bluelamp.resourcing.whatif.QueueReplay.Outcome;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.ChannelResult;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.HourResult;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.Result;

/**
 * Replays a past day's contacts per channel twice: with the handlers who were on duty (how
 * close the model comes to what happened) and with the plan asked for. Within the request: one
 * day, bounded in contacts and handlers, nothing kept. The same day always draws the same
 * patience and handle times, so two plans differ only by the plan.
 */
@Component
class WhatIfReplays {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");
    static final int MAX_CONTACTS = 20_000;
    static final int MAX_HANDLERS = 500;
    /** A contact that left unanswered on a channel nobody answered that day: a handle time is still needed. */
    private static final long FALLBACK_HANDLE = Duration.ofMinutes(5).toMillis();

    private final DayOfContacts day;
    private final Clock clock;

    WhatIfReplays(DayOfContacts day, Clock clock) {
        this.day = day;
        this.clock = clock;
    }

    /** One channel's plan; null parts are as on the day. */
    record Plan(Integer handlers, Integer change, Integer[] byHour, int capacity, Duration target) {}

    Result replay(LocalDate date, Map<Channel, Plan> plans) {
        long dayStart = date.atStartOfDay(FORCE_ZONE).toInstant().toEpochMilli();
        long dayEnd = date.plusDays(1).atStartOfDay(FORCE_ZONE).toInstant().toEpochMilli();
        // Queues left at midnight drain under the same staffing, but nothing is replayed past now.
        long horizon = Math.min(dayEnd + Duration.ofDays(1).toMillis(), clock.millis());

        Map<Channel, List<Observed>> contacts = new EnumMap<>(Channel.class);
        int total = 0;
        for (Channel channel : Channel.values()) {
            contacts.put(
                    channel,
                    day.contacts(
                            channel, Instant.ofEpochMilli(dayStart), Instant.ofEpochMilli(dayEnd), MAX_CONTACTS + 1));
            total += contacts.get(channel).size();
        }
        if (total > MAX_CONTACTS) {
            throw WhatIfApi.refused("date", "That day had more than 20,000 contacts: a what-if replays at most 20,000");
        }
        List<List<Duty>> duties = day.handlers(Instant.ofEpochMilli(dayStart), Instant.ofEpochMilli(horizon));
        if (duties.size() > MAX_HANDLERS) {
            throw WhatIfApi.refused("date", "More than 500 handlers worked that day: a what-if replays at most 500");
        }
        List<Handler> onTheDay = duties.stream().map(WhatIfReplays::handler).toList();

        List<ChannelResult> channels = new ArrayList<>();
        List<HourResult> hours = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Plan plan = plans.get(channel);
            List<Observed> observed = contacts.get(channel);
            List<Handler> planned = planned(plan, onTheDay, date, dayStart, horizon, channel);
            long target = plan.target().toMillis();
            Replayed asStaffed = run(observed, date, channel, onTheDay, plan.capacity(), horizon);
            Replayed scenario = run(observed, date, channel, planned, plan.capacity(), horizon);

            Figures.Tally actual = new Figures.Tally(target);
            Figures.Tally baseline = new Figures.Tally(target);
            Figures.Tally planTally = new Figures.Tally(target);
            Map<Integer, Figures.Tally[]> byHour = new TreeMap<>();
            for (int i = 0; i < observed.size(); i++) {
                Observed o = observed.get(i);
                long offered = o.offered().toEpochMilli();
                boolean answered = o.answered() != null;
                boolean abandoned = !answered && o.abandoned() != null;
                long waited = (answered
                                ? o.answered().toEpochMilli()
                                : abandoned ? o.abandoned().toEpochMilli() : horizon)
                        - offered;
                actual.add(answered, abandoned, Math.max(0, waited));
                asStaffed.addTo(baseline, i, offered, horizon);
                Figures.Tally[] hour =
                        byHour.computeIfAbsent(o.offered().atZone(FORCE_ZONE).getHour(), h ->
                                new Figures.Tally[] {new Figures.Tally(target), new Figures.Tally(target)});
                hour[0].add(answered, abandoned, Math.max(0, waited));
                scenario.addTo(planTally, i, offered, horizon);
                scenario.addTo(hour[1], i, offered, horizon);
            }
            channels.add(new ChannelResult(
                    channel.name(),
                    plan.capacity(),
                    plan.target().toSeconds(),
                    Staffing.seconds(onTheDay, dayStart, dayEnd),
                    Staffing.seconds(planned, dayStart, dayEnd),
                    actual.figures(),
                    baseline.figures(),
                    planTally.figures()));
            byHour.forEach((hour, tallies) ->
                    hours.add(new HourResult(hour, channel.name(), tallies[0].figures(), tallies[1].figures())));
        }
        return new Result(date.toString(), channels, hours);
    }

    private record Replayed(Outcome[] outcomes) {
        void addTo(Figures.Tally tally, int i, long offered, long horizon) {
            Outcome o = outcomes[i];
            long end = o.answeredAt() >= 0 ? o.answeredAt() : o.abandonedAt() >= 0 ? o.abandonedAt() : horizon;
            tally.add(o.answeredAt() >= 0, o.abandonedAt() >= 0, Math.max(0, end - offered));
        }
    }

    private static Replayed run(
            List<Observed> observed,
            LocalDate date,
            Channel channel,
            List<Handler> handlers,
            int capacity,
            long horizon) {
        int n = observed.size();
        long[] waited = new long[n];
        boolean[] gaveUp = new boolean[n];
        List<Long> handled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Observed o = observed.get(i);
            long offered = o.offered().toEpochMilli();
            if (o.answered() != null) {
                waited[i] = Math.max(0, o.answered().toEpochMilli() - offered);
                long done = o.done() == null ? horizon : o.done().toEpochMilli();
                handled.add(Math.max(0, done - o.answered().toEpochMilli()));
            } else if (o.abandoned() != null) {
                waited[i] = Math.max(0, o.abandoned().toEpochMilli() - offered);
                gaveUp[i] = true;
            } else {
                waited[i] = Math.max(0, horizon - offered);
            }
        }
        Patience patience = Patience.estimate(waited, gaveUp);
        long[] handleTimes =
                handled.stream().mapToLong(Long::longValue).sorted().toArray();
        // The same draws for the same day and channel whatever the plan: common random numbers.
        SplittableRandom random = new SplittableRandom(date.toEpochDay() * 31 + channel.ordinal());
        List<Arrival> arrivals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Observed o = observed.get(i);
            double patienceDraw = random.nextDouble();
            double handleDraw = random.nextDouble();
            long handle;
            if (o.answered() != null) {
                long done = o.done() == null ? horizon : o.done().toEpochMilli();
                handle = Math.max(0, done - o.answered().toEpochMilli());
            } else {
                handle = handleTimes.length == 0
                        ? FALLBACK_HANDLE
                        : handleTimes[(int) (handleDraw * handleTimes.length)];
            }
            long patienceMillis = gaveUp[i] ? waited[i] : patience.longerThan(waited[i], patienceDraw);
            arrivals.add(new Arrival(o.offered().toEpochMilli(), handle, patienceMillis));
        }
        return new Replayed(QueueReplay.run(arrivals, handlers, capacity, horizon));
    }

    /** The plan's handlers for one channel: the day's own, or numbers made into handlers. */
    private static List<Handler> planned(
            Plan plan, List<Handler> onTheDay, LocalDate date, long dayStart, long horizon, Channel channel) {
        boolean asOnTheDay = plan.handlers() == null && (plan.change() == null || plan.change() == 0);
        boolean byHour = plan.byHour() != null && Arrays.stream(plan.byHour()).anyMatch(n -> n != null);
        if (asOnTheDay && !byHour) {
            return onTheDay;
        }
        TreeMap<Long, Integer> steps = Staffing.count(onTheDay, dayStart);
        if (plan.handlers() != null) {
            steps = new TreeMap<>(Map.of(dayStart, plan.handlers()));
        } else if (plan.change() != null && plan.change() > 0 && !byHour) {
            // More handlers: the day's own, and the extra ones whenever anyone was on duty.
            boolean anyone = steps.values().stream().anyMatch(n -> n > 0);
            TreeMap<Long, Integer> extra = new TreeMap<>();
            steps.forEach((at, n) -> extra.put(at, anyone && n == 0 ? 0 : plan.change()));
            List<Handler> more = new ArrayList<>(onTheDay);
            more.addAll(Staffing.handlers(extra, horizon));
            return checked(more, channel);
        } else if (plan.change() != null) {
            steps = Staffing.moved(steps, plan.change());
        }
        if (byHour) {
            for (int hour = 0; hour < 24; hour++) {
                Integer n = plan.byHour()[hour];
                if (n != null) {
                    long from =
                            date.atTime(hour, 0).atZone(FORCE_ZONE).toInstant().toEpochMilli();
                    long to = hour == 23
                            ? date.plusDays(1)
                                    .atStartOfDay(FORCE_ZONE)
                                    .toInstant()
                                    .toEpochMilli()
                            : date.atTime(hour + 1, 0)
                                    .atZone(FORCE_ZONE)
                                    .toInstant()
                                    .toEpochMilli();
                    if (to > from) {
                        steps = Staffing.set(steps, from, to, n);
                    }
                }
            }
        }
        return checked(Staffing.handlers(steps, horizon), channel);
    }

    private static List<Handler> checked(List<Handler> handlers, Channel channel) {
        if (handlers.size() > MAX_HANDLERS) {
            throw WhatIfApi.refused(
                    WhatIfApi.field(channel, "handlerChange"),
                    "That would be more than 500 handlers at once: a what-if replays at most 500");
        }
        return handlers;
    }

    private static Handler handler(List<Duty> spans) {
        return new Handler(
                spans.stream().mapToLong(d -> d.from().toEpochMilli()).toArray(),
                spans.stream().mapToLong(d -> d.to().toEpochMilli()).toArray());
    }
}
