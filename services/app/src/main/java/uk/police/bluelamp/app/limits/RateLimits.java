package uk.police.bluelamp.app.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets in this node's memory, one per (group, client) and per (group, reference).
 * Several nodes would each allow the full limit: acceptable for a single-node service, and
 * written down as such. Keys are bounded so a flood of invented references cannot exhaust memory.
 */
@Component
class RateLimits {

    private record Key(String group, String scope, String value) {
    }

    private record Entry(Bucket bucket, Duration period, long[] lastUsed) {
    }

    private final RateLimitSettings settings;
    private final Map<Key, Entry> buckets = new ConcurrentHashMap<>();

    RateLimits(RateLimitSettings settings) {
        this.settings = settings;
    }

    /** Empty when allowed; otherwise how long until the next request would be. */
    Optional<Duration> take(PublicEndpoint endpoint, String client) {
        RateLimitSettings.Rule rule = rule(endpoint.group());
        if (rule == null) {
            return Optional.empty();
        }
        // Refused by either limit is refused; the reference's token is only taken if the client had one.
        Optional<Duration> wait = take(new Key(endpoint.group(), "client", client), rule.perClient());
        if (wait.isEmpty() && endpoint.reference() != null) {
            wait = take(new Key(endpoint.group(), "reference", endpoint.reference()), rule.perReference());
        }
        return wait;
    }

    /** A sign-in attempt: refused by the client's limit or the username's (whose token a success gives back). */
    Optional<Duration> takeSignIn(String client, String username) {
        RateLimitSettings.SignIn signIn = settings.signIn();
        if (signIn == null) {
            return Optional.empty();
        }
        Optional<Duration> wait = take(new Key("sign-in", "client", client), signIn.perClient());
        return wait.isPresent() ? wait : take(new Key("sign-in", "username", username), signIn.perUsername());
    }

    void giveBackSignIn(String username) {
        Entry entry = buckets.get(new Key("sign-in", "username", username));
        if (entry != null) {
            entry.bucket().addTokens(1);
        }
    }

    private Optional<Duration> take(Key key, RateLimitSettings.Limit limit) {
        if (limit == null) {
            return Optional.empty();
        }
        if (buckets.size() >= settings.maxTrackedKeys() && !buckets.containsKey(key)) {
            forgetRefilled();
        }
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build(), limit.period(), new long[] {System.nanoTime()}));
        entry.lastUsed()[0] = System.nanoTime();
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** A bucket unused for a whole period has refilled: forgetting it changes nothing. */
    @Scheduled(fixedDelay = 60_000)
    void forgetRefilled() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> now - e.getValue().lastUsed()[0] >= e.getValue().period().toNanos());
        if (buckets.size() >= settings.maxTrackedKeys()) {
            // Still full of live keys: an attack on the key space. Start again rather than grow without bound.
            buckets.clear();
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
            default -> null;
        };
    }
}
