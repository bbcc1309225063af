package uk.police.bluelamp.casework.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of tracking codes per reference. The state is in PostgreSQL so that
 * every app node enforces the same limit. Unknown references are counted exactly like known
 * ones, so the answers reveal nothing about which references exist.
 */
@Component
class TrackingAttempts {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    TrackingAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the caller must wait before trying this reference again, if at all. */
    Optional<Duration> lockedFor(String reference) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from tracking_attempts where reference = :reference")
                .param("reference", reference)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    void recordFailure(String reference) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                insert into tracking_attempts (reference, failures, last_failure_at)
                values (:reference, 1, :now)
                on conflict (reference) do update set
                    failures = case when tracking_attempts.last_failure_at < :forgetBefore then 1
                                    else tracking_attempts.failures + 1 end,
                    last_failure_at = :now
                returning failures
                """)
                .param("reference", reference)
                .param("now", Timestamp.from(now))
                .param("forgetBefore", Timestamp.from(now.minus(FORGET_AFTER)))
                .query(Integer.class)
                .single();
        if (failures >= FREE_FAILURES) {
            jdbc.sql("update tracking_attempts set locked_until = :until where reference = :reference")
                    .param("until", Timestamp.from(now.plus(lockDuration(failures))))
                    .param("reference", reference)
                    .update();
        }
    }

    void recordSuccess(String reference) {
        jdbc.sql("delete from tracking_attempts where reference = :reference")
                .param("reference", reference)
                .update();
    }

    /** Doubles with every failure past the free ones, up to a ceiling. */
    static Duration lockDuration(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
