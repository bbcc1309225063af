package uk.police.bluelamp.contact.webqueue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** What a call handler reads: the web queue, and a report opened from it. */
@RestController
class StaffQueueController {

    private static final Pattern CONTACT_ID = Pattern.compile("[0-9a-f-]{36}");

    private final JdbcClient jdbc;

    StaffQueueController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record QueuedReport(String contactId, String reference, String category, String categoryLabel,
                        String summary, String location, Instant receivedAt, boolean anonymous) {
    }

    record ContactView(String contactId, String reference, String channel, String category, String categoryLabel,
                       String description, String location, LocalDate occurredOn, String occurredTime,
                       String name, String email, String phone, boolean anonymous,
                       String updateChannel, String updateFrequency, Instant receivedAt) {
    }

    /** Longest waiting first: the queue is worked from the top. */
    @GetMapping("/api/v1/staff/queues/web")
    List<QueuedReport> webQueue() {
        return jdbc.sql("select * from web_queue order by received_at, contact_id")
                .query((rs, n) -> new QueuedReport(rs.getString("contact_id"), rs.getString("reference"),
                        rs.getString("category"), label(rs.getString("category")), rs.getString("summary"),
                        rs.getString("location"), rs.getTimestamp("received_at").toInstant(), rs.getBoolean("anonymous")))
                .list();
    }

    @GetMapping("/api/v1/staff/contacts/{contactId}")
    ResponseEntity<ContactView> contact(@PathVariable String contactId) {
        if (!CONTACT_ID.matcher(contactId).matches()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(jdbc.sql("select * from contact_detail where contact_id = :id")
                .param("id", contactId)
                .query((rs, n) -> new ContactView(rs.getString("contact_id"), rs.getString("reference"),
                        rs.getString("channel"), rs.getString("category"), label(rs.getString("category")),
                        rs.getString("description"), rs.getString("location"),
                        rs.getDate("occurred_on").toLocalDate(), rs.getString("occurred_time"),
                        rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                        rs.getString("name") == null, rs.getString("update_channel"),
                        rs.getString("update_frequency"), rs.getTimestamp("received_at").toInstant()))
                .optional());
    }

    private static String label(String category) {
        return ReportCategory.valueOf(category).label();
    }
}
