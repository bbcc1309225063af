package uk.police.bluelamp.resourcing.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import uk.police.bluelamp.resourcing.whatif.QueueReplay.Handler;

/**
 * Handlers on duty as a replay needs them. The day's own handlers keep their own spans; a plan
 * given as numbers (all day, or hour by hour, or fewer than on the day) becomes that many
 * handlers on duty at each moment, the last to come on the first to go off.
 */
final class Staffing {

    private Staffing() {}

    /** How many handlers are on duty from each moment on (a step function), from their spans. */
    static TreeMap<Long, Integer> count(List<Handler> handlers, long from) {
        TreeMap<Long, Integer> changes = new TreeMap<>();
        changes.put(from, 0);
        for (Handler h : handlers) {
            for (int s = 0; s < h.from().length; s++) {
                changes.merge(h.from()[s], 1, Integer::sum);
                changes.merge(h.to()[s], -1, Integer::sum);
            }
        }
        TreeMap<Long, Integer> steps = new TreeMap<>();
        int on = 0;
        for (var change : changes.entrySet()) {
            on += change.getValue();
            steps.put(change.getKey(), on);
        }
        return steps;
    }

    /** {@code steps} (from each key on, that many) as handlers, until {@code end}. */
    static List<Handler> handlers(TreeMap<Long, Integer> steps, long end) {
        int most = steps.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Handler> handlers = new ArrayList<>();
        for (int j = 0; j < most; j++) {
            List<long[]> spans = new ArrayList<>();
            Long start = null;
            for (var step : steps.entrySet()) {
                if (step.getKey() >= end) {
                    break;
                }
                boolean on = step.getValue() > j;
                if (on && start == null) {
                    start = step.getKey();
                } else if (!on && start != null) {
                    spans.add(new long[] {start, step.getKey()});
                    start = null;
                }
            }
            if (start != null) {
                spans.add(new long[] {start, end});
            }
            handlers.add(new Handler(
                    spans.stream().mapToLong(s -> s[0]).toArray(),
                    spans.stream().mapToLong(s -> s[1]).toArray()));
        }
        return handlers;
    }

    /** The same steps, each moving by {@code change} (never below none). */
    static TreeMap<Long, Integer> moved(TreeMap<Long, Integer> steps, int change) {
        TreeMap<Long, Integer> moved = new TreeMap<>();
        steps.forEach((at, n) -> moved.put(at, Math.max(0, n + change)));
        return moved;
    }

    /** The same steps with [from, to) set to {@code n}. */
    static TreeMap<Long, Integer> set(TreeMap<Long, Integer> steps, long from, long to, int n) {
        TreeMap<Long, Integer> set = new TreeMap<>(steps);
        Integer after = steps.floorEntry(to) == null ? 0 : steps.floorEntry(to).getValue();
        set.subMap(from, true, to, false).clear();
        set.put(from, n);
        set.putIfAbsent(to, after);
        return set;
    }

    /** Handlers' seconds on duty within [from, to), added up. */
    static long seconds(List<Handler> handlers, long from, long to) {
        long millis = 0;
        for (Handler h : handlers) {
            for (int s = 0; s < h.from().length; s++) {
                millis += Math.max(0, Math.min(to, h.to()[s]) - Math.max(from, h.from()[s]));
            }
        }
        return millis / 1000;
    }
}
