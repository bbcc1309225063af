package uk.police.bluelamp.resourcing.whatif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long a channel's contacts wait before giving up, estimated by Kaplan and Meier from one
 * day: an abandoned contact shows its patience, an answered (or still waiting) one only that its
 * patience was longer than its wait. Drawn conditionally, so a contact that waited w keeps a
 * patience longer than w; past the longest patience seen, it never gives up (docs/adr/0039).
 */
final class Patience {

    /** Each distinct patience seen, and the share still waiting just after it. */
    private final long[] times;

    private final double[] surviving;

    private Patience(long[] times, double[] surviving) {
        this.times = times;
        this.surviving = surviving;
    }

    /** @param waited how long each contact waited; @param gaveUp whether it left then (else it was answered or is still waiting) */
    static Patience estimate(long[] waited, boolean[] gaveUp) {
        Integer[] order = new Integer[waited.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(waited[a], waited[b]));
        List<Long> times = new ArrayList<>();
        List<Double> surviving = new ArrayList<>();
        double s = 1;
        int i = 0;
        while (i < order.length) {
            long t = waited[order[i]];
            int atRisk = order.length - i;
            int left = 0;
            while (i < order.length && waited[order[i]] == t) {
                left += gaveUp[order[i]] ? 1 : 0;
                i++;
            }
            if (left > 0) {
                s *= 1 - (double) left / atRisk;
                times.add(t);
                surviving.add(s);
            }
        }
        return new Patience(
                times.stream().mapToLong(Long::longValue).toArray(),
                surviving.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A patience longer than {@code waited}, at quantile {@code u} (0 to 1) of what remains; NEVER beyond what was seen. */
    long longerThan(long waited, double u) {
        int first = 0;
        double before = 1;
        while (first < times.length && times[first] <= waited) {
            before = surviving[first];
            first++;
        }
        double target = before * (1 - u);
        for (int k = first; k < times.length; k++) {
            if (surviving[k] <= target) {
                return times[k];
            }
        }
        return QueueReplay.NEVER;
    }
}
