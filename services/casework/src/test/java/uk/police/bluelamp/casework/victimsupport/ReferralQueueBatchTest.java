package uk.police.bluelamp.casework.victimsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralFailed;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.testing.TwinTables;

/**
 * The referral queue written a batch at a time holds the rows the projection's statements left one
 * event at a time (kept here as the reference): random runs over a few referrals with failures and
 * sendings before the request, late failures after a sending, attempts out of order, redelivered
 * events and moments half a microsecond apart. A batch costs at most three statements; a row
 * PostgreSQL refuses fails its batch, then only its own event.
 */
class ReferralQueueBatchTest extends CaseworkIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        try (TwinTables tables = new TwinTables(dataSource, "victim_support_referral")) {
            List<List<List<Map<String, Object>>>> rounds = tables.randomRounds(
                    new ReferralQueueProjection(new JdbcTemplate(tables.batched())),
                    30,
                    25,
                    6,
                    3,
                    ReferralQueueBatchTest::anyEvent,
                    (copies, event) -> reference(copies, event.getPayload()));
            assertThat(rounds)
                    .as("referrals pending, failed and sent")
                    .flatMap(round -> round.get(0))
                    .extracting(row -> row.get("status"))
                    .contains("PENDING", "FAILED", "SENT");
        }
    }

    @Test
    void aRefusedRowFailsItsBatchThenOnlyItsOwnEvent() throws Exception {
        String tooLong = "x".repeat(65); // referral_id is varchar(64)
        try (TwinTables tables = new TwinTables(dataSource, "victim_support_referral")) {
            tables.refusedAlone(
                    new ReferralQueueProjection(new JdbcTemplate(tables.batched())),
                    List.of(requested("r-1", NINE), requested(tooLong, NINE), requested("r-2", NINE)));
            assertThat(tables.batchedRows().get(0))
                    .extracting(row -> row.get("referral_id"))
                    .containsExactlyInAnyOrder("r-1", "r-2");
        }
    }

    /** Forty referrals: enough that some are only requested at the end of a round, each still met by ten events or so. */
    private static Object anyEvent(Random random) {
        String referral = "r-" + random.nextInt(40);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        int attempt = 1 + random.nextInt(4);
        return switch (random.nextInt(5)) {
            case 0, 1 -> requested(referral, at);
            case 2, 3 -> new VictimSupportReferralFailed("BL-1", referral, attempt, "refused", at);
            default -> new VictimSupportReferralSent("BL-1", referral, "VS-" + attempt, attempt, at);
        };
    }

    private static VictimSupportReferralRequested requested(String referral, Instant at) {
        return new VictimSupportReferralRequested(
                "BL-1",
                referral,
                "Victim Support",
                ReportCategory.THEFT,
                "Sam Taylor",
                "sam@example.org",
                null,
                at,
                at.plusSeconds(86_400));
    }

    /** The projection's statements as it ran them for each event, before it gathered batches. */
    private static void reference(JdbcClient jdbc, Object event) {
        if (event instanceof VictimSupportReferralRequested e) {
            jdbc.sql("""
                    insert into victim_support_referral (referral_id, reference, status, attempts, last_attempt_at)
                    values (:id, :reference, 'PENDING', 0, :at) on conflict (referral_id) do nothing
                    """)
                    .param("id", e.referralId())
                    .param("reference", e.reference())
                    .param("at", Timestamp.from(e.at()))
                    .update();
        } else if (event instanceof VictimSupportReferralFailed e) {
            jdbc.sql("""
                    update victim_support_referral set status = 'FAILED', attempts = :attempt, last_attempt_at = :at
                    where referral_id = :id and status <> 'SENT' and attempts < :attempt
                    """)
                    .param("id", e.referralId())
                    .param("attempt", e.attempt())
                    .param("at", Timestamp.from(e.at()))
                    .update();
        } else if (event instanceof VictimSupportReferralSent e) {
            jdbc.sql("""
                    update victim_support_referral set status = 'SENT', attempts = :attempt, last_attempt_at = :at
                    where referral_id = :id
                    """)
                    .param("id", e.referralId())
                    .param("attempt", e.attempt())
                    .param("at", Timestamp.from(e.at()))
                    .update();
        }
    }
}
