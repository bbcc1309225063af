package uk.police.bluelamp.casework.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.casefile.VictimsCodeTotals;
import uk.police.bluelamp.messages.casefile.query.FindVictimsCodeTotals;

/**
 * How the Victims' Code obligations stood at a moment. A row counts from the event that made it;
 * it is met if it was met by then and on time, missed once its due time passed without that,
 * and pending before; one no longer owed drops out from then. Every time compared is one the
 * events up to that moment had already set, so the answer for a past moment is the one that
 * was given at that moment (docs/adr/0039-victims-code-ledger.md).
 */
@Component
class Ledger {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");

    /** Standing of an obligation; the words are those the ledger's readers see. */
    enum Status {
        MET("Met"),
        MISSED("Missed"),
        PENDING("Pending");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    record Obligation(VictimsCodeRight right, Instant aroseAt, Instant dueAt, Instant metAt, Status status) {}

    private static final String AS_AT = """
            arose_at <= :asAt
              and not (ended_at is not null and ended_at <= :asAt and due_at > ended_at)
            """;
    private static final String STATUS = """
            case when met_at <= :asAt and met_at <= due_at then 'MET'
                 when due_at <= :asAt then 'MISSED' else 'PENDING' end
            """;

    /** A case's obligations, as at a moment: by reference, on its index. */
    static final String OF_CASE =
            "select code_right, arose_at, due_at, case when met_at <= :asAt then met_at end as met, "
                    + STATUS + " as status from victims_code_ledger where reference = :reference and " + AS_AT
                    + " order by arose_at, code_right, obligation_id";

    /** A month's totals by right and standing: by due date, on its index. */
    static final String TOTALS = "select code_right, " + STATUS + " as status, count(*) as n from victims_code_ledger "
            + "where due_at >= :from and due_at < :to and " + AS_AT + " group by 1, 2";

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A case's obligations in the order they arose; met times after the moment are not shown. */
    List<Obligation> ofCase(String reference, Instant asAt) {
        return jdbc.sql(OF_CASE)
                .param("reference", reference)
                .param("asAt", Timestamp.from(asAt))
                .query((rs, n) -> new Obligation(
                        VictimsCodeRight.valueOf(rs.getString("code_right")),
                        rs.getTimestamp("arose_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("met") == null
                                ? null
                                : rs.getTimestamp("met").toInstant(),
                        Status.valueOf(rs.getString("status"))))
                .list();
    }

    /** Obligations that fell due in the month (in the force's time zone), counted by right. */
    VictimsCodeTotals totals(YearMonth month, Instant asAt) {
        Map<VictimsCodeRight, int[]> counts = new EnumMap<>(VictimsCodeRight.class);
        for (VictimsCodeRight right : VictimsCodeRight.values()) {
            counts.put(right, new int[Status.values().length]);
        }
        jdbc.sql(TOTALS)
                .param(
                        "from",
                        Timestamp.from(month.atDay(1).atStartOfDay(FORCE_ZONE).toInstant()))
                .param(
                        "to",
                        Timestamp.from(month.plusMonths(1)
                                .atDay(1)
                                .atStartOfDay(FORCE_ZONE)
                                .toInstant()))
                .param("asAt", Timestamp.from(asAt))
                .query(rs -> {
                    counts.get(VictimsCodeRight.valueOf(rs.getString("code_right")))[
                                    Status.valueOf(rs.getString("status")).ordinal()] =
                            rs.getInt("n");
                });
        return new VictimsCodeTotals(
                month,
                asAt,
                counts.entrySet().stream()
                        .map(entry -> right(entry.getKey(), entry.getValue()))
                        .toList());
    }

    private static VictimsCodeTotals.Right right(VictimsCodeRight right, int[] n) {
        int met = n[Status.MET.ordinal()];
        int missed = n[Status.MISSED.ordinal()];
        Double percent = met + missed == 0 ? null : Math.round(1000.0 * met / (met + missed)) / 10.0;
        return new VictimsCodeTotals.Right(right, met, missed, n[Status.PENDING.ordinal()], percent);
    }

    @QueryHandler
    VictimsCodeTotals handle(FindVictimsCodeTotals query) {
        return totals(query.month(), clock.instant());
    }
}
