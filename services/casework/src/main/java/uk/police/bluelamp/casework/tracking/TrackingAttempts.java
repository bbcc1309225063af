package uk.police.bluelamp.casework.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down guessing of tracking codes by whoever guesses: wrong codes count against the client
 * and the reference together, and against the client across all references, so one address can
 * neither keep guessing one case nor sweep the sequential references a few guesses at a time.
 * A citizen elsewhere with the right code is never held up by someone else's guesses. The counts
 * are in PostgreSQL, so every node enforces the same limits. Unknown references are counted
 * exactly like known ones, so the answers reveal nothing about which references exist.
 */
@Component
class TrackingAttempts {

    private record Count(int failures, Instant lastFailureAt) {

        static final Count NONE = new Count(0, Instant.EPOCH);

        Count now(Instant now, Duration forgetAfter) {
            return lastFailureAt.isBefore(now.minus(forgetAfter)) ? NONE : this;
        }

        Optional<Duration> lockedFor(TrackingLockoutSettings.Lockout lockout, Instant now) {
            Instant until = lastFailureAt.plus(lockout.after(failures));
            return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TrackingLockoutSettings settings;

    TrackingAttempts(JdbcClient jdbc, Clock clock, TrackingLockoutSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Empty when the client may try a code for this reference now, and the attempt is then
     * already counted as a failure (given back by {@link #succeeded}), so
     * that guesses sent in parallel cannot all be checked before any is counted; otherwise how
     * long the client must wait.
     */
    @Transactional
    Optional<Duration> begin(String client, String reference) {
        Instant now = clock.instant();
        // Every attempt from one client waits here for the one before it (the row is locked).
        Count byClient = jdbc.sql("""
                        insert into tracking_guessers (client, failures, last_failure_at) values (:client, 0, :epoch)
                        on conflict (client) do update set client = excluded.client
                        returning failures, last_failure_at
                        """)
                .param("client", client)
                .param("epoch", Timestamp.from(Instant.EPOCH))
                .query((rs, n) -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .single()
                .now(now, settings.forgetAfter());
        Count byPair = jdbc.sql(
                        "select failures, last_failure_at from tracking_guesses where client = :client and reference = :reference")
                .param("client", client)
                .param("reference", reference)
                .query((rs, n) -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .optional()
                .orElse(Count.NONE)
                .now(now, settings.forgetAfter());
        Optional<Duration> wait =
                longer(byClient.lockedFor(settings.perClient(), now), byPair.lockedFor(settings.perReference(), now));
        if (wait.isPresent()) {
            return wait;
        }
        jdbc.sql("update tracking_guessers set failures = :failures, last_failure_at = :now where client = :client")
                .param("failures", byClient.failures() + 1)
                .param("now", Timestamp.from(now))
                .param("client", client)
                .update();
        jdbc.sql("""
                        insert into tracking_guesses (client, reference, failures, last_failure_at)
                        values (:client, :reference, :failures, :now)
                        on conflict (client, reference) do update set failures = :failures, last_failure_at = :now
                        """)
                .param("client", client)
                .param("reference", reference)
                .param("failures", byPair.failures() + 1)
                .param("now", Timestamp.from(now))
                .update();
        return Optional.empty();
    }

    /** The right code: this client's misses on the reference are forgotten, and this attempt was no miss. */
    @Transactional
    void succeeded(String client, String reference) {
        jdbc.sql("delete from tracking_guesses where client = :client and reference = :reference")
                .param("client", client)
                .param("reference", reference)
                .update();
        jdbc.sql("update tracking_guessers set failures = greatest(failures - 1, 0) where client = :client")
                .param("client", client)
                .update();
    }

    /** Counts nobody would consult any more; any node may do it, as often as it likes. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetOld() {
        Timestamp before = Timestamp.from(clock.instant().minus(settings.forgetAfter()));
        jdbc.sql("delete from tracking_guesses where last_failure_at < :before")
                .param("before", before)
                .update();
        jdbc.sql("delete from tracking_guessers where last_failure_at < :before")
                .param("before", before)
                .update();
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }
}
