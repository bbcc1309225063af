package uk.police.bluelamp.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.demo.DemoHistory.Loaded;
import uk.police.bluelamp.app.demo.DemoSimulation.Life;
import uk.police.bluelamp.messages.contact.Channel;

/** Two days of demo demand through the real commands and projections, and only once. */
class DemoHistoryTest extends IntegrationTest {

    @Autowired
    private DemoHistory history;

    @Test
    void twoDaysOfDemandLiveWholeLivesThroughTheCommandsAndLoadOnce() {
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(2));

        Loaded loaded = history.loadOnce(from, to, 15).orElseThrow();

        List<String> ids = loaded.contacts().stream().map(Life::contactId).toList();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("""
                        select count(*) from queue_item
                        where contact_id in (:ids) and state in ('CLOSED', 'ABANDONED')""").param("ids", ids).query(Long.class).single() == ids.size());
        assertThat(loaded.cutShort()).as("lives cut short").isZero();
        double expected = new DemandPattern(to).expected(from, to);
        assertThat((double) ids.size())
                .as("contacts, against %.0f expected", expected)
                .isBetween(expected * 0.8, expected * 1.4);
        assertThat(jdbc.sql("select count(*) from queue_item where contact_id in (:ids) and abandoned")
                        .param("ids", ids)
                        .query(Long.class)
                        .single())
                .as("abandoned, in the read model as in the plan")
                .isPositive()
                .isEqualTo(loaded.abandoned());
        assertThat(jdbc.sql("""
                        select count(*) from queue_item where contact_id in (:ids)
                        and (reference not like 'DEMO-%' or summary not like 'Demo:%' and summary <> 'Call from a withheld number')""").param("ids", ids).query(Long.class).single())
                .as("contacts that could be mistaken for real ones")
                .isZero();
        Map<String, Long> byHours = loaded.contacts().stream()
                .collect(Collectors.groupingBy(
                        life -> band(
                                life.arrived().atZone(DemandPattern.FORCE_ZONE).getHour()),
                        Collectors.counting()));
        // Against the pattern's own expectation for these two days (weekend nights are busier),
        // four Poisson deviations either way: the seeded draws that land in a band move with the
        // hour the test runs, and a fixed share (a third of the day's) failed at some hours.
        double night = expectedIn("night", from, to);
        double day = expectedIn("day", from, to);
        assertThat((double) byHours.getOrDefault("night", 0L))
                .as("arrivals from 1 to 5 in the morning, against %.0f expected", night)
                .isLessThan(night + 4 * Math.sqrt(night));
        assertThat((double) byHours.getOrDefault("day", 0L))
                .as("arrivals from 10 to 2 in the day, against %.0f expected", day)
                .isGreaterThan(day - 4 * Math.sqrt(day));
        // Every demo handler the two days put on shift is off it at the end. The rota's two
        // weekday-only shifts may fall wholly outside two days that end on a weekend evening (it
        // failed so on a Sunday at 17:18), so the handlers are those the log changed.
        long onShiftInTheHistory = jdbc.sql("""
                        select count(distinct aggregate_identifier) from domain_event_entry
                        where aggregate_identifier like 'demo-handler-%'
                        and payload_type like '%.HandlerAvailabilityChanged'""").query(Long.class).single();
        assertThat(onShiftInTheHistory).as("handlers on shift").isBetween(DemoRota.SHIFTS.size() - 2L, (long)
                DemoRota.SHIFTS.size());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("""
                        select count(*) from handler_availability where handler like 'demo-handler-%' and status = 'OFFLINE'""").query(Long.class).single() == onShiftInTheHistory);
        assertThat(jdbc.sql("select count(*) from handler_availability where handler like 'demo-handler-%'")
                        .query(Long.class)
                        .single())
                .as("demo handlers in the read model, every one off shift")
                .isEqualTo(onShiftInTheHistory);

        long events = eventCount();
        assertThat(history.loadOnce(from, to, 15)).as("a second load").isEmpty();
        assertThat(jdbc.sql("select count(*) from case_view where reference like 'DEMO-%'")
                        .query(Long.class)
                        .single())
                .as("cases opened, whose deadlines and updates could reach someone")
                .isZero();
        assertThat(history.loadOnce(from.minus(Duration.ofDays(1)), to, 16))
                .as("another seed")
                .isEmpty();
        assertThat(eventCount()).isEqualTo(events);
    }

    private static double expectedIn(String band, Instant from, Instant to) {
        DemandPattern pattern = new DemandPattern(to);
        double expected = 0;
        for (Instant slot = from; slot.isBefore(to); slot = slot.plus(Duration.ofMinutes(15))) {
            if (band(slot.atZone(DemandPattern.FORCE_ZONE).getHour()).equals(band)) {
                for (Channel channel : Channel.values()) {
                    expected += pattern.expected(channel, slot);
                }
            }
        }
        return expected;
    }

    private static String band(int hour) {
        if (hour >= 1 && hour < 5) {
            return "night";
        }
        return hour >= 10 && hour < 14 ? "day" : "other";
    }
}
