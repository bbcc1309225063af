package uk.police.bluelamp.casework.victimsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.PlayedRows;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * A batch's changes to the referral queue, kept per referral in the order of its events: the
 * batch's referrals that exist are read once, each one's events played over its row in memory as
 * their statements played them over the table (a change to no row changes nothing, a request keeps
 * the row there before it), and the rows then written whole in at most three statements.
 * ReferralQueueBatchTest holds this beside the statements the projection ran one event at a time.
 * A referral's events are its case's, which one segment takes in order, so no other writer
 * changes its row between the read and the write; the sender's claim column is left as it is.
 */
final class ReferralChanges implements BatchedWrites.Changes {

    private static final class Row {
        final String referralId;
        final String reference;
        String status;
        int attempts;
        Instant lastAttemptAt;

        Row(String referralId, String reference, String status, int attempts, Instant lastAttemptAt) {
            this.referralId = referralId;
            this.reference = reference;
            this.status = status;
            this.attempts = attempts;
            this.lastAttemptAt = lastAttemptAt;
        }

        Object[] values() {
            return new Object[] {referralId, reference, status, attempts, lastAttemptAt};
        }

        Row attempted(String outcome, int attempt, Instant at) {
            status = outcome;
            attempts = attempt;
            lastAttemptAt = Unnest.micros(at);
            return this;
        }
    }

    private final Map<String, List<PlayedRows.Step<Row>>> referrals = new LinkedHashMap<>();

    void requested(String referralId, String reference, Instant at) {
        steps(referralId)
                .add(row -> row != null ? row : new Row(referralId, reference, "PENDING", 0, Unnest.micros(at)));
    }

    void failed(String referralId, int attempt, Instant at) {
        steps(referralId)
                .add(row -> row == null || row.status.equals("SENT") || row.attempts >= attempt
                        ? row
                        : row.attempted("FAILED", attempt, at));
    }

    void sent(String referralId, int attempt, Instant at) {
        steps(referralId).add(row -> row == null ? null : row.attempted("SENT", attempt, at));
    }

    private List<PlayedRows.Step<Row>> steps(String referralId) {
        return referrals.computeIfAbsent(referralId, id -> new ArrayList<>());
    }

    @Override
    public void write(Connection connection) throws SQLException {
        Map<String, Row> stored = new HashMap<>();
        Unnest.select(
                connection,
                """
                select referral_id, reference, status, attempts, last_attempt_at from victim_support_referral
                where referral_id = any(?::text[])
                """,
                referrals.keySet(),
                row -> stored.put(
                        row.getString("referral_id"),
                        new Row(
                                row.getString("referral_id"),
                                row.getString("reference"),
                                row.getString("status"),
                                row.getInt("attempts"),
                                Unnest.instant(row, "last_attempt_at"))));
        PlayedRows played = new PlayedRows();
        for (Map.Entry<String, List<PlayedRows.Step<Row>>> referral : referrals.entrySet()) {
            played.play(referral.getValue(), stored.get(referral.getKey()), Row::values);
        }
        Unnest.execute(connection, """
                insert into victim_support_referral (referral_id, reference, status, attempts, last_attempt_at)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::timestamptz[])
                """, played.added());
        Unnest.execute(connection, """
                update victim_support_referral r
                set status = d.status, attempts = d.attempts, last_attempt_at = d.last_attempt_at
                from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::timestamptz[])
                     d(referral_id, reference, status, attempts, last_attempt_at)
                where r.referral_id = d.referral_id
                """, played.changed());
    }
}
