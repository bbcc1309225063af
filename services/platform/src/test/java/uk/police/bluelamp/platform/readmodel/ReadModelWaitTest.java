package uk.police.bluelamp.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadModelWaitTest {

    @Test
    void aReadModelThatHasCaughtUpIsReadOnce() {
        AtomicInteger reads = new AtomicInteger();
        Optional<String> answer = ReadModelWait.await(
                () -> {
                    reads.incrementAndGet();
                    return Optional.of("there");
                },
                Duration.ofSeconds(2));
        assertThat(answer).contains("there");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadModelABitBehindIsReadAgainUntilItAnswers() {
        AtomicInteger reads = new AtomicInteger();
        Optional<Integer> answer = ReadModelWait.await(
                () -> reads.incrementAndGet() < 4 ? Optional.empty() : Optional.of(3), Duration.ofSeconds(2));
        assertThat(answer).contains(3);
        assertThat(reads).hasValue(4);
    }

    @Test
    void aReadModelThatDoesNotCatchUpIsGivenUpOnAtTheTimeoutWithBackedOffReads() {
        AtomicInteger reads = new AtomicInteger();
        long start = System.nanoTime();
        Optional<Object> answer = ReadModelWait.await(
                () -> {
                    reads.incrementAndGet();
                    return Optional.empty();
                },
                Duration.ofMillis(300));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer).isEmpty();
        assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));
        // 5, 10, 20, 40, 80, then 100 ms apart: about eight reads in 300 ms, not sixty at a fixed 5 ms.
        assertThat(reads.get()).isBetween(5, 12);
    }

    @Test
    void anInterruptedWaitEndsAtOnceAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            long start = System.nanoTime();
            assertThat(ReadModelWait.await(Optional::empty, Duration.ofSeconds(5)))
                    .isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
