package uk.police.bluelamp.casework.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * The handler's case view from the case-view tables, judged at {@code now}: the live view reads
 * the live tables now, the point-in-time view reads tables rebuilt up to a past moment then.
 */
final class CaseViewReader {

    private CaseViewReader() {}

    /** Empty when there is no such case. */
    static Optional<CaseView> read(
            JdbcClient jdbc, String ref, Instant now, Supplier<List<CaseMessages.Message>> messages) {
        return jdbc.sql("select * from case_view where reference = :r")
                .param("r", ref)
                .query((row, n) -> view(jdbc, row, ref, now, messages))
                .optional();
    }

    private static CaseView view(
            JdbcClient jdbc, ResultSet row, String ref, Instant now, Supplier<List<CaseMessages.Message>> messages)
            throws SQLException {
        CaseStatus status = CaseStatus.valueOf(row.getString("status"));
        ReportCategory category = ReportCategory.valueOf(row.getString("category"));
        Instant nextDue = instant(row.getTimestamp("next_update_due"));
        Instant crimeDue = instant(row.getTimestamp("crime_due"));
        boolean decided = row.getBoolean("crime_decided");
        return new CaseView(
                ref,
                status.name(),
                Wording.of(status),
                category.name(),
                Wording.of(category),
                instant(row.getTimestamp("opened_at")),
                row.getString("assigned_to"),
                row.getString("team"),
                row.getBoolean("enhanced_rights"),
                row.getBoolean("unsafe_to_contact"),
                row.getString("update_channel"),
                row.getString("update_frequency"),
                nextDue,
                row.getBoolean("update_overdue") || (status != CaseStatus.CLOSED && nextDue.isBefore(now)),
                instant(row.getTimestamp("key_decision_due")),
                row.getBoolean("key_decision_overdue"),
                new CaseView.CrimeDecision(
                        decided,
                        row.getObject("crime_recorded", Boolean.class),
                        row.getString("crime_number"),
                        row.getString("crime_reason"),
                        crimeDue,
                        !decided && crimeDue != null && crimeDue.isBefore(now)),
                new CaseView.Retention(
                        row.getString("retention_state"), instant(row.getTimestamp("retention_review_due"))),
                list(
                        jdbc,
                        "select at, type, title, detail, actor, visibility from case_history where reference = :r order by at, event_id",
                        ref,
                        (r, n) -> new CaseView.HistoryEntry(
                                instant(r.getTimestamp("at")),
                                r.getString("type"),
                                r.getString("title"),
                                r.getString("detail"),
                                r.getString("actor"),
                                r.getString("visibility"))),
                list(
                        jdbc,
                        "select contact_id, channel, at, summary from case_contact where reference = :r order by at",
                        ref,
                        (r, n) -> new CaseView.LinkedContact(
                                r.getString("contact_id"),
                                r.getString("channel"),
                                instant(r.getTimestamp("at")),
                                r.getString("summary"))),
                list(
                        jdbc,
                        "select linked_reference, by_handler, at from case_link where reference = :r order by at",
                        ref,
                        (r, n) -> new CaseView.LinkedCase(
                                r.getString("linked_reference"),
                                r.getString("by_handler"),
                                instant(r.getTimestamp("at")))),
                messages.get(),
                list(
                        jdbc,
                        "select update_id, channel, status, attempts, at, error from case_delivery where reference = :r order by at",
                        ref,
                        (r, n) -> new CaseView.Delivery(
                                r.getString("update_id"),
                                r.getString("channel"),
                                r.getString("status"),
                                r.getInt("attempts"),
                                instant(r.getTimestamp("at")),
                                r.getString("error"))));
    }

    private static <T> List<T> list(JdbcClient jdbc, String sql, String reference, RowMapper<T> rows) {
        return jdbc.sql(sql).param("r", reference).query(rows).list();
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
