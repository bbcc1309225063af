package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.ProcessorTokens;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.audit.history.LogQuery;
import uk.police.bluelamp.messages.StoredNames;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.audit.event.ContactViewed;

/**
 * The log on more than 100,000 events stays correct and indexed. Speed is shown, not timed:
 * each filter's plan must use an index, never read the whole event table, and the times are
 * printed for whoever reads the build log.
 */
class EventLogAtScaleTest extends AuditSupport {

    private static final int EVENTS = 100_000;
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    EventBus eventBus;

    @Autowired
    DataSource database;

    /**
     * The processors read the hundred thousand events after this test: the next class in this
     * fork shares the context, and its read models must not be minutes behind.
     */
    @AfterEach
    void everyProcessorHasCaughtUp() throws Exception {
        try (Connection connection = database.getConnection()) {
            ProcessorTokens.awaitEveryProcessorAt(
                    connection,
                    jdbc.sql("select max(global_index) from domain_event_entry")
                            .query(Long.class)
                            .single());
        }
    }

    @Test
    void filtersAndPagesStayOnIndexesOverAHundredThousandEvents() {
        StaffSession handler = handler();
        String ref = reportedCase(handler);
        seedViewingEvents();
        jdbc.sql("analyze domain_event_entry").update();
        assertThat(eventCount()).isGreaterThanOrEqualTo(EVENTS);
        StaffSession auditor = auditor();

        Instant dayStart = FIRST.plus(40, ChronoUnit.DAYS);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("newest page", "");
        filters.put("type", "type=ContactViewed");
        filters.put("actor", "actor=viewer-7");
        filters.put("one day", "from=" + dayStart + "&to=" + dayStart.plus(1, ChronoUnit.DAYS));
        filters.put("channel", "channel=WEB");
        filters.put("case", "case=" + ref);
        filters.put(
                "type, actor and time",
                "type=CaseViewed&actor=viewer-7&from=" + dayStart + "&to=" + dayStart.plus(30, ChronoUnit.DAYS));

        for (Map.Entry<String, String> filter : filters.entrySet()) {
            long started = System.nanoTime();
            JsonNode page = json(getWithReason(
                    auditor, "/api/v1/audit/events?size=50&" + filter.getValue(), "Audit of the event log"));
            long micros = (System.nanoTime() - started) / 1_000;
            assertThat(page.path("entries").size()).as(filter.getKey()).isPositive();
            JsonNode deeper = json(getWithReason(
                    auditor,
                    "/api/v1/audit/events?size=50&" + filter.getValue()
                            + (page.path("nextBefore").isNull()
                                    ? ""
                                    : "&before=" + page.path("nextBefore").asLong()),
                    "Audit of the event log"));
            System.out.printf(
                    "event log over %d events, %-22s first page %6d µs (%d entries), next page %d entries%n",
                    eventCount(),
                    filter.getKey(),
                    micros,
                    page.path("entries").size(),
                    deeper.path("entries").size());
        }

        JsonNode byActor = json(getWithReason(
                auditor, "/api/v1/audit/events?size=200&actor=viewer-7&type=ContactViewed", "Audit of the event log"));
        assertThat(byActor.path("entries").size()).isEqualTo(200);
        byActor.path("entries").forEach(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("staff:viewer-7");
            assertThat(e.path("type").asText()).isEqualTo("ContactViewed");
        });
        JsonNode oneDay = json(getWithReason(
                auditor, "/api/v1/audit/events?size=200&" + filters.get("one day"), "Audit of the event log"));
        assertThat(oneDay.path("entries").size()).isEqualTo(200);
        oneDay.path("entries")
                .forEach(e -> assertThat(Instant.parse(e.path("occurredAt").asText()))
                        .isBetween(dayStart, dayStart.plus(1, ChronoUnit.DAYS)));
        JsonNode ofCase =
                json(getWithReason(auditor, "/api/v1/audit/events?size=200&case=" + ref, "Audit of the event log"));
        ofCase.path("entries").forEach(e -> assertThat(e.path("type").asText()).isIn("ContactReceived", "CaseOpened"));

        List<LogQuery> plans = List.of(
                LogQuery.newestFirst(null, null, null, null, null, null, null, 51),
                LogQuery.newestFirst(null, null, null, null, null, null, (long) EVENTS / 2, 51),
                LogQuery.newestFirst(null, null, StoredNames.of(ContactViewed.class), null, null, null, null, 51),
                LogQuery.newestFirst(null, null, null, "viewer-7", null, null, null, 51),
                LogQuery.newestFirst(dayStart, dayStart.plus(1, ChronoUnit.DAYS), null, null, null, null, null, 51),
                LogQuery.newestFirst(null, null, null, null, "WEB", null, null, 51),
                LogQuery.newestFirst(null, null, null, null, null, List.of(ref), null, 51),
                LogQuery.newestFirst(
                        dayStart,
                        dayStart.plus(30, ChronoUnit.DAYS),
                        StoredNames.of(CaseViewed.class),
                        "viewer-7",
                        null,
                        null,
                        null,
                        51));
        for (LogQuery query : plans) {
            String plan = String.join(
                    "\n",
                    jdbc.sql("explain " + query.sql())
                            .params(query.args())
                            .query(String.class)
                            .list());
            assertThat(plan).as(query.sql()).doesNotContain("Seq Scan on domain_event_entry");
        }
    }

    /** Staff looking at records: the most frequent event there is. Stored through the application, so chained. */
    private void seedViewingEvents() {
        for (int batch = 0; batch < EVENTS / 1_000; batch++) {
            List<EventMessage<?>> events = new ArrayList<>(1_000);
            for (int n = 0; n < 1_000; n++) {
                int i = batch * 1_000 + n;
                Instant at = FIRST.plus(Duration.ofSeconds(86L * i));
                String viewer = "viewer-" + (i % 50);
                Object payload = i % 3 == 0
                        ? new ContactViewed(UUID.randomUUID().toString(), viewer, "contact workspace", null, at)
                        : new CaseViewed(
                                "BL-2026-%06d".formatted(100_000 + i % 5_000),
                                viewer,
                                "case view",
                                i % 7 == 0 ? "Covering a colleague" : null,
                                at);
                events.add(new GenericEventMessage<>(
                        UUID.randomUUID().toString(),
                        payload,
                        Map.of("actor", "staff:" + viewer, "channel", "STAFF"),
                        at));
            }
            eventBus.publish(events);
        }
    }
}
