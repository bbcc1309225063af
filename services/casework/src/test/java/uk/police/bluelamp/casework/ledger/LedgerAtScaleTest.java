package uk.police.bluelamp.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.platform.testing.QueryPlans;

/**
 * The Police and Crime Commissioner's monthly totals and one case's promises stay on their
 * indexes over a year of a million obligations (about 330,000 cases, three promises each),
 * written straight into the table (the projection's own test covers how they get there) and
 * asked about a month late in that year. Plans are read, not timed; the rows are rolled back.
 */
class LedgerAtScaleTest extends CaseworkIntegrationTest {

    private static final Instant YEAR = Instant.parse("2002-01-01T00:00:00Z");

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aMonthsTotalsAndACasesPromisesAreReadThroughTheIndexes() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            insert into victims_code_ledger
                              (obligation_id, reference, code_right, arose_at, due_at, met_at, ended_at)
                            select 'scale-' || n, 'BL-2002-' || lpad((n / 3)::text, 6, '0'),
                                   (array['UPDATES', 'KEY_DECISIONS', 'CRIME_RECORDING'])[1 + n % 3],
                                   cast(:year as timestamptz) + n * interval '31 seconds',
                                   cast(:year as timestamptz) + n * interval '31 seconds' + interval '5 days',
                                   case when n % 4 <> 0 then cast(:year as timestamptz) + n * interval '31 seconds' + interval '2 days' end,
                                   null
                            from generate_series(1, 1000000) n
                            """).param("year", Timestamp.from(YEAR)).update();
            jdbc.sql("analyze victims_code_ledger").update();
            Instant november = Instant.parse("2002-11-01T00:00:00Z");
            Map<String, Object> args = Map.of(
                    "from", Timestamp.from(november),
                    "to", Timestamp.from(Instant.parse("2002-12-01T00:00:00Z")),
                    "asAt", Timestamp.from(Instant.parse("2003-01-01T00:00:00Z")),
                    "reference", "BL-2002-300000");
            assertThat(QueryPlans.explain(jdbc, Ledger.TOTALS, args))
                    .as("a month's totals")
                    .contains("victims_code_ledger_due")
                    .doesNotContain("Seq Scan");
            assertThat(QueryPlans.explain(jdbc, Ledger.OF_CASE, args))
                    .as("one case's promises")
                    .contains("victims_code_ledger_reference")
                    .doesNotContain("Seq Scan");
            tx.setRollbackOnly();
        });
    }
}
