package uk.police.bluelamp.casework.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * bluelamp.tracking-lockout: how many wrong tracking codes a client may send for one reference,
 * and in all, before it must wait; the wait doubles with each further failure up to a ceiling.
 * Failures are forgotten a while after the last one.
 */
@ConfigurationProperties("bluelamp.tracking-lockout")
record TrackingLockoutSettings(Lockout perReference, Lockout perClient, Duration forgetAfter) {

    record Lockout(int freeFailures, Duration firstLock, Duration longestLock) {

        /** The wait after this many failures: none below the free ones, then doubling up to the ceiling. */
        Duration after(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures, 30);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            return lock.compareTo(longestLock) > 0 ? longestLock : lock;
        }
    }
}
