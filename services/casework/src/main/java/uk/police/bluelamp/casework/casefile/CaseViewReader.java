package uk.police.bluelamp.casework.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.contact.ReportCategory;

/**
 * The handler's case view from the case-view tables, judged at {@code now}: the live view reads
 * the live tables now, the point-in-time view reads tables rebuilt up to a past moment then.
 */
final class CaseViewReader {

    private CaseViewReader() {}

    /** An empty map when there is no such case. */
    static Map<String, Object> read(
            JdbcClient jdbc, String ref, Instant now, Supplier<List<CaseMessages.Message>> messages) {
        List<Map<String, Object>> rows = jdbc.sql("select * from case_view where reference = :r")
                .param("r", ref)
                .query()
                .listOfRows();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> row = rows.get(0);
        Map<String, Object> view = new LinkedHashMap<>();
        CaseStatus status = CaseStatus.valueOf((String) row.get("status"));
        view.put("reference", ref);
        view.put("status", status.name());
        view.put("statusLabel", status.label());
        view.put("category", row.get("category"));
        view.put(
                "categoryLabel",
                ReportCategory.valueOf((String) row.get("category")).label());
        view.put("openedAt", instant(row.get("opened_at")));
        view.put("assignedTo", row.get("assigned_to"));
        view.put("team", row.get("team"));
        view.put("enhancedRights", row.get("enhanced_rights"));
        view.put("updateChannel", row.get("update_channel"));
        view.put("updateFrequency", row.get("update_frequency"));
        Instant nextDue = instant(row.get("next_update_due"));
        view.put("nextUpdateDue", nextDue);
        view.put(
                "updateOverdue",
                Boolean.TRUE.equals(row.get("update_overdue"))
                        || (status != CaseStatus.CLOSED && nextDue.isBefore(now)));
        view.put("keyDecisionDue", instant(row.get("key_decision_due")));
        view.put("keyDecisionOverdue", row.get("key_decision_overdue"));
        Instant crimeDue = instant(row.get("crime_due"));
        boolean decided = Boolean.TRUE.equals(row.get("crime_decided"));
        Map<String, Object> crime = new LinkedHashMap<>();
        crime.put("decided", decided);
        crime.put("recorded", row.get("crime_recorded"));
        crime.put("crimeNumber", row.get("crime_number"));
        crime.put("reason", row.get("crime_reason"));
        crime.put("due", crimeDue);
        crime.put("overdue", !decided && crimeDue != null && crimeDue.isBefore(now));
        view.put("crimeDecision", crime);
        Map<String, Object> retention = new LinkedHashMap<>();
        retention.put("state", row.get("retention_state"));
        retention.put("reviewDue", instant(row.get("retention_review_due")));
        view.put("retention", retention);
        view.put(
                "history",
                list(
                        jdbc,
                        "select at, type, title, detail, actor, visibility from case_history where reference = :r order by at, event_id",
                        ref));
        view.put(
                "contacts",
                list(
                        jdbc,
                        "select contact_id as \"contactId\", channel, at, summary from case_contact where reference = :r order by at",
                        ref));
        view.put("messages", messages.get());
        view.put(
                "deliveries",
                list(
                        jdbc,
                        "select update_id as \"updateId\", channel, status, attempts, at, error from case_delivery where reference = :r order by at",
                        ref));
        return view;
    }

    private static List<Map<String, Object>> list(JdbcClient jdbc, String sql, String reference) {
        return jdbc.sql(sql).param("r", reference).query().listOfRows().stream()
                .map(CaseViewReader::withInstants)
                .toList();
    }

    private static Map<String, Object> withInstants(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((key, value) -> copy.put(key, value instanceof Timestamp t ? t.toInstant() : value));
        return copy;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
