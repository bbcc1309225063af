package uk.police.bluelamp.contact.contactview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.contact.ContactIds;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.wording.Wording;

/** What a call handler reads: the new web reports, and any contact opened from a queue. */
@RestController
class ContactViewController {

    private final JdbcClient jdbc;
    private final AccessLog accessLog;

    ContactViewController(JdbcClient jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /** No personal data: what the report is about is read by opening it, which is logged (ADR 0030). */
    record QueuedReport(
            String contactId,
            String reference,
            String category,
            String categoryLabel,
            Instant receivedAt,
            boolean anonymous) {}

    /** Web reports nobody has taken yet, longest waiting first. */
    @GetMapping("/api/v1/staff/queues/web")
    List<QueuedReport> webQueue() {
        return jdbc.sql("""
                        select d.contact_id, d.reference, d.category, d.received_at, d.name
                        from queue_item q join contact_detail d on d.contact_id = q.contact_id
                        where q.state = 'WAITING' and q.channel = 'WEB'
                        order by q.priority, q.queued_at, q.contact_id
                        """)
                .query((rs, n) -> new QueuedReport(
                        rs.getString("contact_id"),
                        rs.getString("reference"),
                        rs.getString("category"),
                        label(rs.getString("category")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("name") == null))
                .list();
    }

    @GetMapping("/api/v1/staff/contacts/{contactId}")
    @AsksReason
    ResponseEntity<ContactView> contact(@PathVariable String contactId) {
        if (!ContactIds.isWellFormed(contactId)) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> queued = row("select * from queue_item where contact_id = :id", contactId);
        Optional<Map<String, Object>> report = row("select * from contact_detail where contact_id = :id", contactId);
        if (queued.isEmpty() && report.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // The report's channel and reference win over the queue's, as they always have.
        Map<String, Object> first = report.or(() -> queued).orElseThrow();
        Optional<ContactView.ChannelDetail> detail = row(
                        "select * from contact_channel_detail where contact_id = :id", contactId)
                .map(ContactViewController::channelDetail);
        ContactView view = new ContactView(
                contactId,
                (String) first.get("channel"),
                (String) first.get("reference"),
                queued.map(q -> (String) q.get("reference"))
                        .or(() -> detail.map(ContactView.ChannelDetail::linkedReference))
                        .or(() -> report.map(r -> (String) r.get("reference")))
                        .orElse(null),
                queued.map(ContactViewController::queued).orElse(null),
                report.map(ContactViewController::report).orElse(null),
                detail.orElse(null),
                row("select citizen_name, topic from chat_session where contact_id = :id", contactId)
                        .map(c -> new ContactView.Chat(text(c, "citizen_name"), (String) c.get("topic")))
                        .orElse(null),
                jdbc.sql("select * from contact_triage where contact_id = :id order by at")
                        .param("id", contactId)
                        .query(ContactViewController::triage)
                        .list(),
                jdbc.sql("select * from contact_transfer where contact_id = :id order by at, event_id")
                        .param("id", contactId)
                        .query((rs, n) -> new ContactView.Transfer(
                                rs.getTimestamp("at").toInstant(),
                                rs.getString("from_handler"),
                                rs.getString("to_handler"),
                                rs.getString("note")))
                        .list());
        accessLog.contactOpened(
                contactId,
                "contact workspace",
                view.queued() == null ? null : view.queued().handler());
        return ResponseEntity.ok(view);
    }

    private Optional<Map<String, Object>> row(String sql, String contactId) {
        return jdbc.sql(sql).param("id", contactId).query().listOfRows().stream()
                .findFirst();
    }

    private static ContactView.Queued queued(Map<String, Object> q) {
        return new ContactView.Queued(
                (String) q.get("state"),
                (String) q.get("handler"),
                (String) q.get("summary"),
                (String) q.get("from_number"),
                instant(q.get("queued_at")),
                (String) q.get("grade"),
                // Null in rows of events from before the choice: those were all in English.
                q.get("language") == null ? Language.ENGLISH.name() : (String) q.get("language"));
    }

    private static ContactView.Report report(Map<String, Object> r) {
        String category = (String) r.get("category");
        return new ContactView.Report(
                category,
                label(category),
                (String) r.get("description"),
                (String) r.get("location"),
                String.valueOf(r.get("occurred_on")),
                (String) r.get("occurred_time"),
                (String) r.get("name"),
                (String) r.get("email"),
                (String) r.get("phone"),
                r.get("name") == null,
                (String) r.get("update_channel"),
                (String) r.get("update_frequency"),
                instant(r.get("received_at")));
    }

    private static ContactView.ChannelDetail channelDetail(Map<String, Object> d) {
        return new ContactView.ChannelDetail(
                new ContactView.Call(text(d, "call_id"), text(d, "to_number"), text(d, "hangup_cause")),
                new ContactView.Callback(
                        (String) d.get("callback_phone"),
                        (String) d.get("callback_name"),
                        instant(d.get("window_start")),
                        instant(d.get("window_end")),
                        (String) d.get("last_attempt"),
                        (String) d.get("last_attempt_note")),
                (String) d.get("linked_reference"),
                (String) d.get("outcome"));
    }

    private static ContactView.Triage triage(ResultSet rs, int n) throws SQLException {
        return new ContactView.Triage(
                rs.getTimestamp("at").toInstant(),
                rs.getString("by_handler"),
                rs.getString("grade"),
                rs.getString("threat"),
                rs.getString("harm"),
                rs.getString("risk"),
                rs.getString("investigation"),
                rs.getString("vulnerability"),
                rs.getString("engagement"),
                rs.getString("rationale"));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof Timestamp t ? t.toInstant() : null;
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : (String) value;
    }

    private static String label(String category) {
        return category == null ? null : Wording.of(ReportCategory.valueOf(category));
    }
}
