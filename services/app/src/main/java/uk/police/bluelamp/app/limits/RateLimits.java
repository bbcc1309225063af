package uk.police.bluelamp.app.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL, one per (limit, client) and per (limit, reference), shared by every
 * node so a limit holds for the cluster (docs/adr/0021). Each bucket is one row holding the time
 * it will be full again (GCRA): a take is one atomic upsert that moves that time on by one
 * token's worth, unless it would pass now plus the whole period, which is a refusal. The row's key
 * is an HMAC of the limit and the client address, reference or username, so the table holds none
 * of them; a row whose time has passed is a full bucket, and is deleted.
 */
@Component
class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** Allowed when the upsert moved the bucket on; otherwise how long until it would. */
    private static final String TAKE = """
            with taken as (
                insert into rate_limit_buckets as b (bucket_key, full_at)
                values (:key, statement_timestamp() + :step * interval '1 microsecond')
                on conflict (bucket_key) do update
                    set full_at = greatest(b.full_at, statement_timestamp()) + :step * interval '1 microsecond'
                    where greatest(b.full_at, statement_timestamp()) + :step * interval '1 microsecond'
                          <= statement_timestamp() + :period * interval '1 microsecond'
                returning 1)
            select exists (select 1 from taken) as allowed,
                   (select extract(epoch from greatest(full_at, statement_timestamp())
                               + :step * interval '1 microsecond'
                               - statement_timestamp() - :period * interval '1 microsecond')
                      from rate_limit_buckets where bucket_key = :key) as wait_seconds
            """;

    private final RateLimitSettings settings;
    private final JdbcClient database;
    private final SecretKeySpec keyKey;

    RateLimits(
            RateLimitSettings settings,
            JdbcClient database,
            @Value("${bluelamp.secrets.tracking-code-pepper}") String pepper) {
        this.settings = settings;
        this.database = database;
        this.keyKey = new SecretKeySpec(
                hmac(
                        new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                        "blue-lamp rate-limit key v1"),
                "HmacSHA256");
    }

    /** Empty when allowed; otherwise how long until the next request would be. */
    Optional<Duration> take(PublicEndpoint endpoint, String client) {
        RateLimitSettings.Rule rule = rule(endpoint.group());
        if (rule == null) {
            return Optional.empty();
        }
        // Refused by either limit is refused; the reference's token is only taken if the client had one.
        Optional<Duration> wait = take(endpoint.group(), "client", client, rule.perClient());
        if (wait.isEmpty() && endpoint.reference() != null) {
            wait = take(endpoint.group(), "reference", endpoint.reference(), rule.perReference());
        }
        return wait;
    }

    /** A sign-in attempt: refused by the client's limit or the username's (whose token a success gives back). */
    Optional<Duration> takeSignIn(String client, String username) {
        RateLimitSettings.SignIn signIn = settings.signIn();
        if (signIn == null) {
            return Optional.empty();
        }
        Optional<Duration> wait = take("sign-in", "client", client, signIn.perClient());
        return wait.isPresent() ? wait : take("sign-in", "username", username, signIn.perUsername());
    }

    void giveBackSignIn(String username) {
        RateLimitSettings.SignIn signIn = settings.signIn();
        if (signIn == null || signIn.perUsername() == null) {
            return;
        }
        database.sql(
                        "update rate_limit_buckets set full_at = full_at - :step * interval '1 microsecond' where bucket_key = :key")
                .param("step", step(signIn.perUsername()))
                .param("key", key("sign-in", "username", username, signIn.perUsername()))
                .update();
    }

    private Optional<Duration> take(String group, String scope, String value, RateLimitSettings.Limit limit) {
        if (limit == null) {
            return Optional.empty();
        }
        return database.sql(TAKE)
                .param("key", key(group, scope, value, limit))
                .param("step", step(limit))
                .param("period", limit.period().toNanos() / 1000)
                .query((row, n) -> row.getBoolean("allowed")
                        ? Optional.<Duration>empty()
                        // Refused by a row another node wrote after this statement began: a second is near enough.
                        : Optional.of(
                                row.getObject("wait_seconds") == null
                                        ? Duration.ofSeconds(1)
                                        : Duration.ofNanos(Math.max(0, (long) (row.getDouble("wait_seconds") * 1e9)))))
                .single();
    }

    /** A full bucket is no different from no bucket. */
    @Scheduled(fixedDelay = 60_000)
    void forgetFull() {
        try {
            database.sql("delete from rate_limit_buckets where full_at < statement_timestamp()")
                    .update();
        } catch (RuntimeException e) {
            log.warn("Could not delete full rate-limit buckets; the next run will", e);
        }
    }

    /** One token's worth of the period, in microseconds. */
    private static long step(RateLimitSettings.Limit limit) {
        return Math.max(1, limit.period().toNanos() / 1000 / limit.capacity());
    }

    /** The limit is part of the key: a bucket kept under other settings (another capacity or period) is another bucket. */
    private byte[] key(String group, String scope, String value, RateLimitSettings.Limit limit) {
        return hmac(keyKey, group + "\n" + scope + "\n" + limit.capacity() + "\n" + limit.period() + "\n" + value);
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private RateLimitSettings.Rule rule(String group) {
        return switch (group) {
            case "report" -> settings.report();
            case "chat-start" -> settings.chatStart();
            case "chat" -> settings.chat();
            case "callback" -> settings.callback();
            case "tracking" -> settings.tracking();
            case "cti" -> settings.cti();
            case "figures" -> settings.figures();
            case "inbound-sms" -> settings.inboundSms();
            case "inbound-email" -> settings.inboundEmail();
            case "signpost" -> settings.signpost();
            case "evidence" -> settings.evidence();
            default -> null;
        };
    }
}
