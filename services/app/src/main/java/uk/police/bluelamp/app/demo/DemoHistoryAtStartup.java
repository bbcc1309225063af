package uk.police.bluelamp.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code bluelamp.demo.history.weeks} set in the demo profile, loads that many weeks of
 * simulated demand, ending now, the first time the app starts on its database. It runs in the
 * background once the app is up, so sign-in works at once and the pages fill as it loads.
 */
@Component
@Profile("demo")
@ConditionalOnProperty("bluelamp.demo.history.weeks")
class DemoHistoryAtStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoHistoryAtStartup.class);
    static final int MOST_WEEKS = 104;

    private final DemoHistory history;
    private final Clock clock;
    private final int weeks;
    private final long seed;

    DemoHistoryAtStartup(
            DemoHistory history,
            Clock clock,
            @Value("${bluelamp.demo.history.weeks}") int weeks,
            @Value("${bluelamp.demo.history.seed:15}") long seed) {
        if (weeks < 0 || weeks > MOST_WEEKS) {
            throw new IllegalArgumentException(
                    "bluelamp.demo.history.weeks must be between 0 and " + MOST_WEEKS + ", not " + weeks);
        }
        this.history = history;
        this.clock = clock;
        this.weeks = weeks;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (weeks == 0) {
            return;
        }
        Instant now = clock.instant();
        Thread loader = new Thread(
                () -> {
                    try {
                        history.loadOnce(now.minus(Duration.ofDays(7L * weeks)), now, seed);
                    } catch (RuntimeException e) {
                        log.error("Demo history: loading stopped", e);
                    }
                },
                "demo-history");
        loader.setDaemon(true);
        loader.start();
    }
}
