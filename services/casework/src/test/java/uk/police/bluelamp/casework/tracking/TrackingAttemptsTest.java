package uk.police.bluelamp.casework.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrackingAttemptsTest {

    @Test
    void lockDoublesWithEachFailurePastTheFreeOnesUpToFifteenMinutes() {
        assertThat(TrackingAttempts.lockDuration(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(TrackingAttempts.lockDuration(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(TrackingAttempts.lockDuration(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(TrackingAttempts.lockDuration(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(TrackingAttempts.lockDuration(1000)).isEqualTo(Duration.ofMinutes(15));
    }
}
