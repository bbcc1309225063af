package uk.police.bluelamp.casework.victimsupport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * bluelamp.victim-support-referrals: how referrals are retried. The service itself (name, endpoint,
 * key) is bluelamp.citizen-routes.victim-support. A referral is retried until the service accepts
 * it, the pause doubling from first-retry up to longest-pause.
 */
@ConfigurationProperties("bluelamp.victim-support-referrals")
record ReferralSettings(
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT1H") Duration longestPause,
        @DefaultValue("PT10S") Duration timeout) {

    Duration pauseAfter(int attempts) {
        Duration pause = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }
}
