package uk.police.bluelamp.contact.contactview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.platform.access.AccessLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** What a call handler reads: the new web reports, and any contact opened from a queue. */
@RestController
class ContactViewController {

    static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final JdbcClient jdbc;
    private final AccessLog accessLog;

    ContactViewController(JdbcClient jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /** No personal data: what the report is about is read by opening it, which is logged (ADR 0030). */
    record QueuedReport(String contactId, String reference, String category, String categoryLabel,
                        Instant receivedAt, boolean anonymous) {
    }

    /** Web reports nobody has taken yet, longest waiting first. */
    @GetMapping("/api/v1/staff/queues/web")
    List<QueuedReport> webQueue() {
        return jdbc.sql("""
                        select d.contact_id, d.reference, d.category, d.received_at, d.name
                        from queue_item q join contact_detail d on d.contact_id = q.contact_id
                        where q.state = 'WAITING' and q.channel = 'WEB'
                        order by q.priority, q.queued_at, q.contact_id
                        """)
                .query((rs, n) -> new QueuedReport(rs.getString("contact_id"), rs.getString("reference"),
                        rs.getString("category"), label(rs.getString("category")),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("name") == null))
                .list();
    }

    @GetMapping("/api/v1/staff/contacts/{contactId}")
    ResponseEntity<Map<String, Object>> contact(@PathVariable String contactId) {
        if (!CONTACT_ID.matcher(contactId).matches()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> queued = row("select * from queue_item where contact_id = :id", contactId);
        Optional<Map<String, Object>> report = row("select * from contact_detail where contact_id = :id", contactId);
        if (queued.isEmpty() && report.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("contactId", contactId);
        queued.ifPresent(q -> {
            view.put("channel", q.get("channel"));
            view.put("state", q.get("state"));
            view.put("handler", q.get("handler"));
            view.put("summary", q.get("summary"));
            view.put("reference", q.get("reference"));
            view.put("from", q.get("from_number"));
            view.put("queuedAt", instant(q.get("queued_at")));
            view.put("grade", q.get("grade"));
        });
        report.ifPresent(r -> {
            view.put("channel", r.get("channel"));
            view.put("reference", r.get("reference"));
            view.put("category", r.get("category"));
            view.put("categoryLabel", label((String) r.get("category")));
            view.put("description", r.get("description"));
            view.put("location", r.get("location"));
            view.put("occurredOn", String.valueOf(r.get("occurred_on")));
            view.put("occurredTime", r.get("occurred_time"));
            view.put("name", r.get("name"));
            view.put("email", r.get("email"));
            view.put("phone", r.get("phone"));
            view.put("anonymous", r.get("name") == null);
            view.put("updateChannel", r.get("update_channel"));
            view.put("updateFrequency", r.get("update_frequency"));
            view.put("receivedAt", instant(r.get("received_at")));
        });
        row("select * from contact_channel_detail where contact_id = :id", contactId).ifPresent(d -> {
            view.put("call", Map.of("callId", nullToEmpty(d.get("call_id")), "to", nullToEmpty(d.get("to_number")),
                    "hangupCause", nullToEmpty(d.get("hangup_cause"))));
            view.put("callback", callback(d));
            view.put("linkedReference", d.get("linked_reference"));
            view.put("outcome", d.get("outcome"));
        });
        row("select citizen_name, topic from chat_session where contact_id = :id", contactId)
                .ifPresent(c -> view.put("chat", Map.of("citizenName", nullToEmpty(c.get("citizen_name")),
                        "topic", c.get("topic"))));
        view.put("triage", jdbc.sql("select * from contact_triage where contact_id = :id order by at")
                .param("id", contactId).query(ContactViewController::triage).list());
        accessLog.contactOpened(contactId, "contact workspace", (String) view.get("handler"));
        return ResponseEntity.ok(view);
    }

    private Optional<Map<String, Object>> row(String sql, String contactId) {
        return jdbc.sql(sql).param("id", contactId).query().listOfRows().stream().findFirst();
    }

    private static Map<String, Object> callback(Map<String, Object> d) {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("phone", d.get("callback_phone"));
        callback.put("name", d.get("callback_name"));
        callback.put("windowStart", instant(d.get("window_start")));
        callback.put("windowEnd", instant(d.get("window_end")));
        callback.put("lastAttempt", d.get("last_attempt"));
        callback.put("lastAttemptNote", d.get("last_attempt_note"));
        return callback;
    }

    private static Map<String, Object> triage(ResultSet rs, int n) throws SQLException {
        Map<String, Object> triage = new LinkedHashMap<>();
        triage.put("at", rs.getTimestamp("at").toInstant());
        triage.put("by", rs.getString("by_handler"));
        triage.put("grade", rs.getString("grade"));
        for (String part : List.of("threat", "harm", "risk", "investigation", "vulnerability", "engagement", "rationale")) {
            triage.put(part, rs.getString(part));
        }
        return triage;
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof Timestamp t ? t.toInstant() : null;
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String label(String category) {
        return category == null ? null : ReportCategory.valueOf(category).label();
    }
}
