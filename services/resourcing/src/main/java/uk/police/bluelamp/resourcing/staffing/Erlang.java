package uk.police.bluelamp.resourcing.staffing;

/**
 * Queueing maths for staffing one queue for one interval. Erlang C (M/M/n: callers wait as long
 * as it takes) for calls and call-backs; Erlang A (M/M/n+M, Palm's model: each waiting contact
 * leaves after an exponentially distributed patience) for chat, where people do leave. All
 * times are in seconds; traffic in erlangs is arrivals per second times the handle time.
 *
 * <p>Neither uses factorials or powers: Erlang B by its recursion and Erlang A's state
 * probabilities in logarithms, so hundreds of erlangs neither overflow nor lose precision.
 */
final class Erlang {

    /** The most agents any interval is staffed with: beyond this the input is not a contact centre's. */
    static final int MAX_AGENTS = 5000;

    private Erlang() {}

    /** Erlang B (blocking) for n servers and traffic a, by B(k) = a·B(k−1) / (k + a·B(k−1)). */
    static double erlangB(int n, double a) {
        double b = 1;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** Erlang C: the probability that a contact waits at all; 1 when the agents cannot keep up. */
    static double erlangC(int n, double a) {
        if (a <= 0) {
            return 0;
        }
        if (n <= a) {
            return 1;
        }
        double b = erlangB(n, a);
        return n * b / (n - a * (1 - b));
    }

    /** Erlang C's share answered within the target: 1 − C·e^(−(n−a)·target/handle). */
    static double serviceLevelC(int n, double a, double handleSeconds, double targetSeconds) {
        if (a <= 0) {
            return 1;
        }
        if (n <= a) {
            return 0;
        }
        return 1 - erlangC(n, a) * Math.exp(-(n - a) * targetSeconds / handleSeconds);
    }

    /** Erlang C's average speed of answer over all contacts: C·handle/(n−a). */
    static double averageSpeedOfAnswerC(int n, double a, double handleSeconds) {
        if (a <= 0) {
            return 0;
        }
        return n <= a ? Double.POSITIVE_INFINITY : erlangC(n, a) * handleSeconds / (n - a);
    }

    /** The fewest agents whose Erlang C service level reaches the target (0 when nothing arrives). */
    static int agentsC(double a, double handleSeconds, double targetSeconds, double serviceLevel) {
        if (a <= 0) {
            return 0;
        }
        for (int n = (int) Math.floor(a) + 1; n <= MAX_AGENTS; n++) {
            if (serviceLevelC(n, a, handleSeconds, targetSeconds) >= serviceLevel) {
                return n;
            }
        }
        return MAX_AGENTS;
    }

    /**
     * Erlang A for n agents: a = arrivals per second × handle seconds, patience the mean seconds
     * a waiting contact stays (infinite gives Erlang C).
     */
    static ErlangA.Result erlangA(int n, double a, double handleSeconds, double patienceSeconds, double targetSeconds) {
        return ErlangA.solve(n, a / handleSeconds, handleSeconds, patienceSeconds, targetSeconds);
    }

    /** The fewest agents whose Erlang A service level reaches the target. */
    static int agentsA(double a, double handleSeconds, double patienceSeconds, double targetSeconds, double level) {
        if (a <= 0) {
            return 0;
        }
        // Leaving shortens the line, so Erlang C's answer is enough; the level rises with n, so halve.
        int low = 1;
        int high = agentsC(a, handleSeconds, targetSeconds, level);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (erlangA(mid, a, handleSeconds, patienceSeconds, targetSeconds).serviceLevel() >= level) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return high;
    }
}
