package uk.police.bluelamp.casework.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrackingAttemptsTest {

    private final TrackingLockoutSettings.Lockout perReference =
            new TrackingLockoutSettings.Lockout(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void lockDoublesWithEachFailurePastTheFreeOnesUpToFifteenMinutes() {
        assertThat(perReference.after(4)).isZero();
        assertThat(perReference.after(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(perReference.after(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(perReference.after(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(perReference.after(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(perReference.after(1000)).isEqualTo(Duration.ofMinutes(15));
    }
}
