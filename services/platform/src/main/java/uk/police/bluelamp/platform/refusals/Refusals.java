package uk.police.bluelamp.platform.refusals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refused requests and frames, counted and logged as one line per kind per minute instead of
 * one line each: a flood of refusals cannot flood the log, and nothing of the refused request
 * is logged at all. Kinds and reasons are our own fixed words ("STOMP frames", "not allowed"),
 * never a value taken from the request.
 *
 * <p>Each refusal also counts in {@code bluelamp.refusals{kind, reason}}, this node's running total
 * for operators' dashboards (docs/adr/0027-operators-metrics-and-logs.md).
 *
 * <p>For HTTP refusals too: {@code refusals.refused("HTTP requests", "over the rate limit")}.
 */
@Component
public class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();
    private final Map<String, Counter> meters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public Refusals(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    public void refused(String kind, String reason) {
        refused(kind, reason, 1);
    }

    public void refused(String kind, String reason, long howMany) {
        if (howMany > 0) {
            counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(reason, r -> new AtomicLong())
                    .addAndGet(howMany);
            meters.computeIfAbsent(
                            kind + '\0' + reason,
                            key -> Counter.builder("bluelamp.refusals")
                                    .description(
                                            "Requests and frames refused by the input policy, the rate limits and authorisation")
                                    .tag("kind", kind)
                                    .tag("reason", reason)
                                    .register(registry))
                    .increment(howMany);
        }
    }

    /** Logs what was refused since the last flush, one line per kind, and starts counting afresh. */
    @Scheduled(fixedRate = 60_000, initialDelay = 60_000)
    @PreDestroy
    public void flush() {
        // Kinds and reasons are a handful of fixed words, so their counters are kept and reset, never removed.
        counts.forEach((kind, byReason) -> {
            Map<String, Long> taken = byReason.entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().getAndSet(0)));
            long total = taken.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                log.warn(
                        "Refused {} {} in the last minute: {}",
                        total,
                        kind,
                        taken.entrySet().stream()
                                .filter(e -> e.getValue() > 0)
                                .sorted(Map.Entry.<String, Long>comparingByValue()
                                        .reversed())
                                .map(e -> e.getValue() + " " + e.getKey())
                                .collect(Collectors.joining(", ")));
            }
        });
    }
}
