package uk.police.bluelamp.resourcing.whatif;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A discrete-event simulation of one channel's queue, first come first served, as the router
 * works it: a waiting contact goes to a signed-in handler with spare capacity (the one with most
 * spare, then the one free longest); a handler who signs out finishes what they hold but takes
 * nothing new; a contact still waiting when its patience runs out leaves. Times are epoch
 * milliseconds. At one instant, contacts finishing and handlers signing in or out come first,
 * then arrivals, then answers, and only then does anyone whose patience ends at that instant leave.
 */
final class QueueReplay {

    static final long NEVER = Long.MAX_VALUE;

    /** One contact: when it arrived, how long it takes once answered, how long its caller waits. */
    record Arrival(long at, long handleMillis, long patienceMillis) {}

    /** A handler's stretches of duty as [from, to) pairs, in order. */
    record Handler(long[] from, long[] to) {}

    /** What happened to each contact: answered or abandoned at (or neither, -1, when still waiting at the end). */
    record Outcome(long answeredAt, long abandonedAt) {}

    private QueueReplay() {}

    static Outcome[] run(List<Arrival> arrivals, List<Handler> handlers, int capacity, long horizon) {
        int n = arrivals.size();
        long[] answered = new long[n];
        long[] abandoned = new long[n];
        Arrays.fill(answered, -1);
        Arrays.fill(abandoned, -1);

        // Duty changes as (time, handler, on) sorted by time.
        int changes = handlers.stream().mapToInt(h -> h.from().length * 2).sum();
        long[][] duty = new long[changes][];
        int c = 0;
        for (int h = 0; h < handlers.size(); h++) {
            for (int s = 0; s < handlers.get(h).from().length; s++) {
                duty[c++] = new long[] {handlers.get(h).from()[s], h, 1};
                duty[c++] = new long[] {handlers.get(h).to()[s], h, 0};
            }
        }
        // At one instant a sign-out before a sign-in, so back-to-back spans leave the handler on duty.
        Arrays.sort(duty, Comparator.<long[]>comparingLong(d -> d[0]).thenComparingLong(d -> d[2]));

        boolean[] onDuty = new boolean[handlers.size()];
        int[] holding = new int[handlers.size()];
        long[] freeSince = new long[handlers.size()];
        PriorityQueue<long[]> finishing = new PriorityQueue<>(Comparator.comparingLong(f -> f[0]));
        PriorityQueue<long[]> patienceEnds = new PriorityQueue<>(Comparator.comparingLong(p -> p[0]));
        ArrayDeque<Integer> waiting = new ArrayDeque<>();
        int nextArrival = 0;
        int nextDuty = 0;

        while (true) {
            long t = Math.min(
                    Math.min(
                            nextArrival < n ? arrivals.get(nextArrival).at() : NEVER,
                            nextDuty < duty.length ? duty[nextDuty][0] : NEVER),
                    Math.min(
                            finishing.isEmpty() ? NEVER : finishing.peek()[0],
                            patienceEnds.isEmpty() ? NEVER : patienceEnds.peek()[0]));
            if (t == NEVER || t > horizon) {
                break;
            }
            while (!finishing.isEmpty() && finishing.peek()[0] == t) {
                int h = (int) finishing.poll()[1];
                holding[h]--;
                freeSince[h] = t;
            }
            while (nextDuty < duty.length && duty[nextDuty][0] == t) {
                int h = (int) duty[nextDuty][1];
                boolean on = duty[nextDuty][2] == 1;
                if (on && !onDuty[h]) {
                    freeSince[h] = t;
                }
                onDuty[h] = on;
                nextDuty++;
            }
            while (nextArrival < n && arrivals.get(nextArrival).at() == t) {
                Arrival arrival = arrivals.get(nextArrival);
                waiting.add(nextArrival);
                if (arrival.patienceMillis() != NEVER) {
                    patienceEnds.add(new long[] {t + arrival.patienceMillis(), nextArrival});
                }
                nextArrival++;
            }
            while (!waiting.isEmpty()) {
                if (abandoned[waiting.peek()] >= 0) {
                    waiting.poll();
                    continue;
                }
                int h = choose(onDuty, holding, freeSince, capacity);
                if (h < 0) {
                    break;
                }
                int i = waiting.poll();
                answered[i] = t;
                holding[h]++;
                finishing.add(new long[] {t + arrivals.get(i).handleMillis(), h});
            }
            while (!patienceEnds.isEmpty() && patienceEnds.peek()[0] == t) {
                int i = (int) patienceEnds.poll()[1];
                if (answered[i] < 0) {
                    abandoned[i] = t;
                }
            }
        }
        Outcome[] outcomes = new Outcome[n];
        for (int i = 0; i < n; i++) {
            outcomes[i] = new Outcome(answered[i], abandoned[i]);
        }
        return outcomes;
    }

    private static int choose(boolean[] onDuty, int[] holding, long[] freeSince, int capacity) {
        int best = -1;
        for (int h = 0; h < onDuty.length; h++) {
            if (!onDuty[h] || holding[h] >= capacity) {
                continue;
            }
            if (best < 0
                    || holding[h] < holding[best]
                    || (holding[h] == holding[best] && freeSince[h] < freeSince[best])) {
                best = h;
            }
        }
        return best;
    }
}
