package uk.police.bluelamp.platform.readmodel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one way a request waits for a read model to catch up with the command it just sent: it
 * reads the read model again, with a back-off, until it answers or the timeout passes.
 *
 * <p>It reads the shared database rather than waiting for an Axon subscription-query update,
 * because those are emitted on the node whose processor handled the event: with two nodes the
 * projection's segment may be on the other one, and the update would never reach this request.
 * The table is the same on both nodes, so reading it works wherever the projection ran.
 *
 * <p>The first read is immediate; then the pause doubles from {@link #FIRST_PAUSE} up to
 * {@link #LONGEST_PAUSE}, so a projection a few milliseconds behind costs a few milliseconds, and
 * a paused one (a rebuild, a processor moving between nodes) costs a handful of queries until the
 * timeout. A caller keeps the timeout short (a request thread waits) and has an answer for
 * "not yet": an empty result is not an error.
 */
public final class ReadModelWait {

    static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    private ReadModelWait() {}

    /**
     * The read model's answer once it has one, or empty when the timeout passed first or the
     * thread was interrupted (its interrupt flag is kept).
     */
    public static <T> Optional<T> await(Supplier<Optional<T>> read, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE.toNanos();
        Optional<T> answer = read.get();
        while (answer.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return answer;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE.toNanos());
            answer = read.get();
        }
        return answer;
    }
}
