package uk.police.bluelamp.resourcing.staffing;

/**
 * Erlang A (M/M/n+M): Poisson arrivals at rate λ, n agents each finishing at rate μ, and every
 * waiting contact leaving at rate θ (1/patience). The number in the system is a birth–death
 * chain; its stationary probabilities are kept as logarithms and truncated where they no longer
 * add anything, so large traffic stays exact to double precision.
 *
 * <p>The service level is the share of arrivals whose offered wait (the time until an agent
 * would take them, were they to stay) is within the target: an arrival that finds j waiting
 * ahead moves up at rate nμ + iθ with i ahead, so that wait is a sum of exponentials, and the
 * chance it is still running after the target comes from that pure-death chain by
 * uniformisation. With patience infinite it is Erlang C's 1 − C·e^(−(nμ−λ)t).
 */
final class ErlangA {

    /** Stationary states beyond the mode are kept until their share falls below this. */
    private static final double NEGLIGIBLE = 1e-16;
    /** Each uniformisation step covers at most this much rate × time, so e^(−Λt) stays representable. */
    private static final double STEP = 30;

    /**
     * @param waiting the probability of waiting at all
     * @param serviceLevel the share whose offered wait is within the target
     * @param abandoning the share that leaves before an answer
     * @param averageSpeedOfAnswer the mean wait in the queue over all arrivals, in seconds
     */
    record Result(double waiting, double serviceLevel, double abandoning, double averageSpeedOfAnswer) {}

    private ErlangA() {}

    static Result solve(int n, double lambda, double handleSeconds, double patienceSeconds, double targetSeconds) {
        if (lambda <= 0) {
            return new Result(0, 1, 0, 0);
        }
        double mu = 1 / handleSeconds;
        double theta = Double.isInfinite(patienceSeconds) ? 0 : 1 / patienceSeconds;
        if (theta == 0 && lambda >= n * mu) {
            return new Result(1, 0, 0, Double.POSITIVE_INFINITY);
        }
        double[] log = stationaryLogs(n, lambda, mu, theta);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : log) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : log) {
            sum += Math.exp(v - max);
        }
        int k = log.length;
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp(log[i] - max) / sum;
        }
        double waiting = 0;
        double queue = 0;
        double[] ahead = new double[Math.max(0, k - n)];
        for (int i = n; i < k; i++) {
            waiting += p[i];
            queue += (i - n) * p[i];
            ahead[i - n] = p[i];
        }
        double stillWaiting = survivesBeyond(ahead, n * mu, theta, targetSeconds);
        // Little's law: the mean queue over the arrival rate; leaving at rate θ from each waiting.
        return new Result(waiting, 1 - stillWaiting, theta * queue / lambda, queue / lambda);
    }

    /** log π_k up to a length past which the tail is negligible. */
    private static double[] stationaryLogs(int n, double lambda, double mu, double theta) {
        int cap = Erlang.MAX_AGENTS * 4;
        double[] log = new double[64];
        log[0] = 0;
        double max = 0;
        int k = 1;
        for (; k < cap; k++) {
            double out = k <= n ? k * mu : n * mu + (k - n) * theta;
            double next = log[k - 1] + Math.log(lambda) - Math.log(out);
            if (k >= log.length) {
                log = java.util.Arrays.copyOf(log, log.length * 2);
            }
            log[k] = next;
            max = Math.max(max, next);
            // Past the agents and falling, a state this small adds nothing any later state could.
            if (k > n && next < log[k - 1] && next - max < Math.log(NEGLIGIBLE)) {
                break;
            }
        }
        return java.util.Arrays.copyOf(log, Math.min(k + 1, log.length));
    }

    /**
     * The probability mass, starting as {@code ahead[j]} with j waiting ahead, that has not
     * reached an agent after t seconds, where the line moves up at rate served + iθ.
     */
    static double survivesBeyond(double[] ahead, double served, double theta, double t) {
        int k = ahead.length;
        if (k == 0) {
            return 0;
        }
        double[] rate = new double[k];
        for (int i = 0; i < k; i++) {
            rate[i] = served + i * theta;
        }
        double big = rate[k - 1];
        int steps = Math.max(1, (int) Math.ceil(big * t / STEP));
        double dt = t / steps;
        double[] q = ahead.clone();
        for (int s = 0; s < steps; s++) {
            q = uniformised(q, rate, big, dt);
        }
        double left = 0;
        for (double v : q) {
            left += v;
        }
        return Math.max(0, Math.min(1, left));
    }

    /** One step of e^(Qt)·q by uniformisation: Σ Poisson(Λt; m)·P^m q with P = I + Q/Λ. */
    private static double[] uniformised(double[] q, double[] rate, double big, double t) {
        double lt = big * t;
        double weight = Math.exp(-lt);
        double[] term = q.clone();
        double[] result = new double[q.length];
        double accounted = 0;
        for (int m = 0; accounted < 1 - 1e-15 && m < 10_000; m++) {
            if (m > 0) {
                weight *= lt / m;
                double[] next = new double[term.length];
                for (int i = 0; i < term.length; i++) {
                    next[i] += term[i] * (1 - rate[i] / big);
                    if (i > 0) {
                        next[i - 1] += term[i] * rate[i] / big;
                    }
                }
                term = next;
            }
            for (int i = 0; i < term.length; i++) {
                result[i] += weight * term[i];
            }
            accounted += weight;
        }
        return result;
    }
}
