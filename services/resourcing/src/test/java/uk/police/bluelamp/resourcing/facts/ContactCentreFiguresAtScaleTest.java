package uk.police.bluelamp.resourcing.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.platform.testing.QueryPlans;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;

/**
 * The report queries stay on their indexes over a year of history: 100,000 contacts on four
 * channels and 30 handlers' shifts, written straight into the tables (the projection's own test
 * covers how they get there) and asked about a day, a week and a month late in that year, when
 * a query bounded only by "started before the end" would read nearly every row. PostgreSQL's
 * plans are read, not timed. All in one transaction rolled back, so no other test sees the rows.
 */
class ContactCentreFiguresAtScaleTest extends ResourcingIntegrationTest {

    private static final Instant YEAR = Instant.parse("2001-01-01T00:00:00Z");

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aDayAWeekAndAMonthOfAYearAreReadThroughTheIndexes() {
        transactions.executeWithoutResult(tx -> {
            seedAYear();
            Instant day = YEAR.plus(Duration.ofDays(300));
            Map<String, Duration> periods = new LinkedHashMap<>();
            periods.put("a day", Duration.ofDays(1));
            periods.put("a week", Duration.ofDays(7));
            periods.put("a month", Duration.ofDays(31));
            periods.forEach((name, length) -> {
                Map<String, Object> args = Map.of(
                        "channel",
                        "CHAT",
                        "from",
                        Timestamp.from(day),
                        "to",
                        Timestamp.from(day.plus(length)),
                        "target",
                        120L,
                        "short",
                        10L);
                assertThat(plan(ContactCentreFigures.INTERVALS, args))
                        .as("contacts over " + name)
                        .contains("contact_fact_offered")
                        .doesNotContain("Seq Scan on contact_fact");
                String handlers = plan(ContactCentreFigures.HANDLERS, args);
                assertThat(handlers)
                        .as("handlers over " + name)
                        .contains("handler_span_during", "contact_fact_answered")
                        .doesNotContain("Seq Scan on handler_span", "Seq Scan on contact_fact");
            });
            tx.setRollbackOnly();
        });
    }

    private String plan(String sql, Map<String, Object> args) {
        return QueryPlans.explain(jdbc, sql, args);
    }

    private void seedAYear() {
        jdbc.sql("""
                        insert into contact_fact
                          (contact_id, channel, offered_at, answered_at, answered_by, abandoned_at, closed_at)
                        select 'scale-' || n,
                               (array['WEB', 'CHAT', 'PHONE', 'CALLBACK'])[1 + n % 4],
                               cast(:year as timestamptz) + n * interval '315 seconds',
                               case when n % 5 <> 0 then cast(:year as timestamptz) + n * interval '315 seconds' + interval '40 seconds' end,
                               case when n % 5 <> 0 then 'scale-handler-' || n % 30 end,
                               case when n % 5 = 0 then cast(:year as timestamptz) + n * interval '315 seconds' + interval '90 seconds' end,
                               case when n % 5 <> 0 then cast(:year as timestamptz) + n * interval '315 seconds' + interval '400 seconds' end
                        from generate_series(1, 100000) n
                        """).param("year", Timestamp.from(YEAR)).update();
        // Each handler: available for four hours, busy for one, then off, every day of the year.
        jdbc.sql("""
                        insert into handler_span (handler, status, from_at, to_at)
                        select 'scale-handler-' || h, s.status,
                               cast(:year as timestamptz) + d * interval '1 day' + s.starts, cast(:year as timestamptz) + d * interval '1 day' + s.ends
                        from generate_series(0, 364) d, generate_series(0, 29) h,
                             (values ('AVAILABLE', interval '8 hours', interval '12 hours'),
                                     ('BUSY', interval '12 hours', interval '13 hours'),
                                     ('OFFLINE', interval '13 hours', interval '32 hours')) s(status, starts, ends)
                        """).param("year", Timestamp.from(YEAR)).update();
        jdbc.sql("analyze contact_fact").update();
        jdbc.sql("analyze handler_span").update();
    }
}
