package uk.police.bluelamp.app.demo;

import static uk.police.bluelamp.app.demo.DemandPattern.FORCE_ZONE;
import static uk.police.bluelamp.app.demo.DemandPattern.SLOT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.platform.command.Commands;

/**
 * A seeded simulation of the demo contact centre over a window: contacts arrive by the demand
 * pattern (plus a burst on some days), wait in their channel's queue, are taken first come first
 * served by a demo handler on shift who works that channel, or give up when their patience runs
 * out. Waits therefore follow from demand and the rota, as in a real centre, and the handlers'
 * availability agrees with what they worked. The same seed and window give the same history.
 */
final class DemoSimulation {

    /** One command, sent as the actor who would have sent it; a null channel is staff work. */
    record Step(Object command, String actor, Channel channel) {}

    /**
     * Commands sent together, in order: one contact's whole life (contactId set) or one handler's
     * change of availability. Lives are sent in the order of their keys: when the contact was
     * answered (or given up), when the availability changed.
     */
    record Life(Instant key, String contactId, Channel channel, Instant arrived, boolean abandoned, List<Step> steps) {}

    record Plan(List<Life> lives) {
        List<Life> contacts() {
            return lives.stream().filter(life -> life.contactId() != null).toList();
        }
    }

    private static final double BURSTY_DAYS = 0.25;
    private static final double BURST_FACTOR = 2.5;

    private final Random random;
    private final long seed;
    private final Instant from;
    private final Instant to;
    private final DemandPattern pattern;
    private final PriorityQueue<Event> events =
            new PriorityQueue<>(Comparator.comparing(Event::at).thenComparingLong(Event::order));
    private final Map<Channel, Deque<Caller>> waiting = new EnumMap<>(Channel.class);
    private final List<Agent> agents = new ArrayList<>();
    private final Map<LocalDate, Instant[]> bursts = new HashMap<>();
    private final List<Life> lives = new ArrayList<>();
    private long order;
    private int contacts;

    private record Event(Instant at, long order, Runnable action) {}

    private DemoSimulation(Instant from, Instant to, long seed) {
        this.random = new Random(seed);
        this.seed = seed;
        this.from = from;
        this.to = to;
        this.pattern = new DemandPattern(to);
        for (Channel channel : Channel.values()) {
            waiting.put(channel, new ArrayDeque<>());
        }
    }

    static Plan plan(Instant from, Instant to, long seed) {
        DemoSimulation simulation = new DemoSimulation(from.truncatedTo(ChronoUnit.MILLIS), to, seed);
        simulation.rota();
        simulation.arrivals();
        simulation.run();
        List<Life> lives = new ArrayList<>(simulation.lives);
        lives.sort(Comparator.comparing(Life::key));
        return new Plan(List.copyOf(lives));
    }

    private void at(Instant at, Runnable action) {
        events.add(new Event(at, order++, action));
    }

    private void run() {
        while (!events.isEmpty() && events.peek().at().isBefore(to)) {
            events.poll().action().run();
        }
        // The history ends now: whoever is still on shift leaves it, and what is still open is left out.
        agents.stream().filter(agent -> agent.onShift).forEach(agent -> off(agent, to));
    }

    // ---- arrivals -----------------------------------------------------------------------------

    private void arrivals() {
        for (Instant slot = from; slot.isBefore(to); slot = slot.plus(SLOT)) {
            double burst = burst(slot);
            for (Channel channel : Channel.values()) {
                double expected = pattern.expected(channel, slot) * (channel == Channel.CALLBACK ? 1 : burst);
                for (int n = poisson(expected); n > 0; n--) {
                    Instant at = slot.plusMillis((long) (random.nextDouble() * SLOT.toMillis()));
                    if (at.isBefore(to)) {
                        Caller caller = new Caller(channel, at);
                        at(caller.queued, () -> arrive(caller, caller.queued));
                    }
                }
            }
        }
    }

    /** Some days bring a burst: an hour or two at two and a half times the usual demand. */
    private double burst(Instant slot) {
        Instant[] window = bursts.computeIfAbsent(slot.atZone(FORCE_ZONE).toLocalDate(), day -> {
            if (random.nextDouble() >= BURSTY_DAYS) {
                return new Instant[0];
            }
            Instant start =
                    day.atTime(9 + random.nextInt(12), 0).atZone(FORCE_ZONE).toInstant();
            return new Instant[] {start, start.plus(Duration.ofMinutes(60 + random.nextInt(91)))};
        });
        return window.length == 2 && !slot.isBefore(window[0]) && slot.isBefore(window[1]) ? BURST_FACTOR : 1;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= random.nextDouble();
        }
        return n;
    }

    /** A contact from the public, as the simulation follows it. */
    final class Caller {
        final String id;
        final int number;
        final Channel channel;
        final Instant arrived;
        /** When it joins its queue: a call-back at the start of the window the citizen chose. */
        final Instant queued;

        final Duration patience;
        final Duration handle;
        final Duration wrapUp;
        final long pick;
        boolean inQueue;
        Agent agent;
        Instant answered;
        Instant gaveUp;

        Caller(Channel channel, Instant arrived) {
            this.number = ++contacts;
            this.id = UUID.nameUUIDFromBytes(
                            ("blue-lamp-demo-history/" + seed + "/" + from.toEpochMilli() + "/" + number)
                                    .getBytes(StandardCharsets.UTF_8))
                    .toString();
            this.channel = channel;
            this.arrived = arrived;
            this.queued = channel == Channel.CALLBACK
                    ? arrived.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1 + random.nextInt(2)))
                    : arrived;
            this.patience = switch (channel) {
                case PHONE -> exponential(300);
                case CHAT -> exponential(480);
                case WEB, CALLBACK -> null; // a report or a booked call-back waits as long as it takes
            };
            this.handle = lognormal(
                    switch (channel) {
                        case PHONE -> 300;
                        case CHAT -> 540;
                        case WEB -> 300;
                        case CALLBACK -> 240;
                    });
            this.wrapUp = Duration.ofSeconds(15 + random.nextInt(76));
            this.pick = random.nextLong();
        }
    }

    private Duration exponential(double meanSeconds) {
        return Duration.ofMillis((long) (-Math.log(1 - random.nextDouble()) * meanSeconds * 1000));
    }

    /** Handle times: most near the median, a long tail of difficult contacts. */
    private Duration lognormal(double medianSeconds) {
        return Duration.ofMillis((long) (medianSeconds * Math.exp(0.5 * random.nextGaussian()) * 1000));
    }

    private void arrive(Caller caller, Instant now) {
        caller.inQueue = true;
        waiting.get(caller.channel).addLast(caller);
        if (caller.patience != null) {
            at(now.plus(caller.patience), () -> giveUp(caller, now.plus(caller.patience)));
        }
        dispatch(now);
    }

    private void giveUp(Caller caller, Instant now) {
        if (caller.inQueue) {
            caller.inQueue = false;
            waiting.get(caller.channel).remove(caller);
            caller.gaveUp = now;
            lives.add(DemoLives.of(caller, now));
        }
    }

    // ---- handlers -----------------------------------------------------------------------------

    /** A demo handler, as the simulation follows them. */
    final class Agent {
        final DemoRota.Shift rota;
        boolean onShift;
        boolean onBreak;
        boolean busy;
        boolean leaving;
        boolean breakDue;
        Instant idleSince;

        Agent(DemoRota.Shift rota) {
            this.rota = rota;
        }
    }

    private void rota() {
        for (DemoRota.Shift shift : DemoRota.SHIFTS) {
            Agent agent = new Agent(shift);
            agents.add(agent);
            LocalDate last = to.atZone(FORCE_ZONE).toLocalDate();
            for (LocalDate day = from.atZone(FORCE_ZONE).toLocalDate().minusDays(1);
                    !day.isAfter(last);
                    day = day.plusDays(1)) {
                if (!shift.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant start = day.atTime(shift.start()).atZone(FORCE_ZONE).toInstant();
                Instant end = start.plus(DemoRota.SHIFT);
                if (!end.isAfter(from) || !start.isBefore(to)) {
                    continue;
                }
                Instant begins = start.isBefore(from) ? from : start;
                at(begins, () -> startShift(agent, begins));
                Instant breakStart = start.plus(DemoRota.BREAK_AFTER);
                if (!breakStart.isBefore(from)) {
                    at(breakStart, () -> startBreak(agent, breakStart));
                    at(breakStart.plus(DemoRota.BREAK), () -> endBreak(agent, breakStart.plus(DemoRota.BREAK)));
                }
                at(end, () -> endShift(agent, end));
            }
        }
    }

    private void startShift(Agent agent, Instant now) {
        agent.onShift = true;
        agent.leaving = false;
        available(agent, Availability.AVAILABLE, now);
        agent.idleSince = now;
        dispatch(now);
    }

    private void endShift(Agent agent, Instant now) {
        if (agent.busy) {
            agent.leaving = true; // finishes the contact in hand first
        } else if (agent.onShift) {
            off(agent, now);
        }
    }

    private void off(Agent agent, Instant now) {
        agent.onShift = false;
        agent.onBreak = false;
        agent.breakDue = false;
        agent.leaving = false;
        available(agent, Availability.OFFLINE, now);
    }

    private void startBreak(Agent agent, Instant now) {
        if (!agent.onShift || agent.leaving) {
            return;
        }
        if (agent.busy) {
            agent.breakDue = true;
        } else {
            agent.onBreak = true;
            available(agent, Availability.AWAY, now);
        }
    }

    private void endBreak(Agent agent, Instant now) {
        agent.breakDue = false;
        if (agent.onBreak) {
            agent.onBreak = false;
            available(agent, Availability.AVAILABLE, now);
            agent.idleSince = now;
            dispatch(now);
        }
    }

    private void available(Agent agent, Availability status, Instant now) {
        String handler = agent.rota.handler();
        lives.add(new Life(
                now,
                null,
                null,
                now,
                false,
                List.of(new Step(new ChangeAvailability(handler, status, now), Commands.staff(handler), null))));
    }

    /** Gives waiting contacts to free handlers, the one free longest first, each their first channel. */
    private void dispatch(Instant now) {
        boolean gave = true;
        while (gave) {
            gave = false;
            List<Agent> free = agents.stream()
                    .filter(agent -> agent.onShift && !agent.onBreak && !agent.busy && !agent.leaving)
                    .sorted(Comparator.comparing(agent -> agent.idleSince))
                    .toList();
            for (Agent agent : free) {
                for (Channel channel : agent.rota.works()) {
                    Caller next = waiting.get(channel).pollFirst();
                    if (next != null) {
                        answer(agent, next, now);
                        gave = true;
                        break;
                    }
                }
            }
        }
    }

    private void answer(Agent agent, Caller caller, Instant now) {
        caller.inQueue = false;
        caller.agent = agent;
        caller.answered = now;
        agent.busy = true;
        Instant done = now.plus(caller.handle).plus(caller.wrapUp);
        at(done, () -> {
            agent.busy = false;
            lives.add(DemoLives.of(caller, done));
            if (agent.leaving) {
                off(agent, done);
            } else if (agent.breakDue) {
                agent.breakDue = false;
                agent.onBreak = true;
                available(agent, Availability.AWAY, done);
            } else {
                agent.idleSince = done;
                dispatch(done);
            }
        });
    }
}
