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

    @Test
    void aGuesserIsAnAddressAndAnIpv6ClientIsItsWholeSlash64() {
        assertThat(GuesserAddress.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(GuesserAddress.of("2001:db8:1:2:aaaa::1")).isEqualTo(GuesserAddress.of("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("20010db800010002::/64");
        assertThat(GuesserAddress.of("2001:db8:1:3::1")).isNotEqualTo(GuesserAddress.of("2001:db8:1:2::1"));
        assertThat(GuesserAddress.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(GuesserAddress.of("not:an:address:at:all")).isEqualTo("not:an:address:at:all");
        assertThat(GuesserAddress.of("x".repeat(100))).hasSize(64);
    }
}
