package uk.police.bluelamp.casework.casefile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.wording.Wording;

/** Finding and reading cases: search, the due-for-update list, and the full case view. */
@RestController
class CaseReadController {

    static final int MOST_RESULTS = 100;
    static final Duration DUE_SOON = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final CaseMessages messages;
    private final AccessLog accessLog;
    private final Clock clock;

    CaseReadController(JdbcClient jdbc, CaseMessages messages, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Schema(name = "CaseRow")
    record CaseRow(
            @Schema(requiredMode = REQUIRED) String reference,

            @Schema(requiredMode = REQUIRED, implementation = CaseStatus.class)
            String status,

            @Schema(requiredMode = REQUIRED) String statusLabel,

            @Schema(requiredMode = REQUIRED, implementation = ReportCategory.class)
            String category,

            @Schema(requiredMode = REQUIRED) String categoryLabel,
            @Schema(requiredMode = REQUIRED) Instant openedAt,
            @Schema(requiredMode = REQUIRED) Instant nextUpdateDue,
            @Schema(requiredMode = REQUIRED) boolean updateOverdue,
            String assignedTo,
            String team,
            String name) {}

    /** By reference, name, phone, email or postcode, and optionally status; newest first. */
    @GetMapping("/api/v1/staff/cases")
    @AsksReason
    List<CaseRow> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status) {
        String text = q.strip();
        String digits = text.replaceAll("\\D", "");
        String phone =
                digits.startsWith("0") ? digits.substring(1) : digits.startsWith("44") ? digits.substring(2) : digits;
        List<CaseRow> rows = jdbc.sql("""
                        select * from case_view
                        where (:status = '' or status = :status)
                          and (:q = '' or reference ilike '%' || :q || '%' or name ilike '%' || :q || '%'
                               or email ilike '%' || :q || '%'
                               or replace(postcode, ' ', '') ilike '%' || replace(:q, ' ', '') || '%'
                               or (length(:phone) >= 6 and regexp_replace(phone, '\\D', '', 'g') like '%' || :phone || '%'))
                        order by opened_at desc limit :most
                        """)
                .param("status", status.strip().toUpperCase(Locale.ROOT))
                .param("q", text)
                .param("phone", phone)
                .param("most", MOST_RESULTS)
                .query(this::row)
                .list();
        return logged(text.isEmpty() ? "case list" : "case search", rows);
    }

    /** Cases whose next update is due within a day or already overdue: the handler's Victims' Code queue. */
    @GetMapping("/api/v1/staff/cases/due")
    @AsksReason
    List<CaseRow> due() {
        List<CaseRow> rows = jdbc.sql("""
                        select * from case_view
                        where status <> 'CLOSED' and (next_update_due <= :soon or update_overdue or key_decision_overdue)
                        order by next_update_due limit :most
                        """)
                .param("soon", Timestamp.from(clock.instant().plus(DUE_SOON)))
                .param("most", MOST_RESULTS)
                .query(this::row)
                .list();
        return logged("cases due", rows);
    }

    /** Each row shows a name: every case listed is in the access log (ADR 0030). */
    private List<CaseRow> logged(String view, List<CaseRow> rows) {
        accessLog.rowsListed(view, rows.stream().map(CaseRow::reference).toList(), List.of());
        return rows;
    }

    @GetMapping("/api/v1/staff/cases/{reference}")
    @AsksReason
    ResponseEntity<CaseView> view(@PathVariable String reference) {
        String ref = CaseController.ref(reference);
        Optional<CaseView> view = CaseViewReader.read(jdbc, ref, clock.instant(), () -> messages.of(ref));
        view.ifPresent(found -> accessLog.caseOpened(ref, "case view", found.assignedTo()));
        return ResponseEntity.of(view);
    }

    private CaseRow row(ResultSet rs, int n) throws SQLException {
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        Instant due = rs.getTimestamp("next_update_due").toInstant();
        boolean overdue = rs.getBoolean("update_overdue")
                || rs.getBoolean("key_decision_overdue")
                || (status != CaseStatus.CLOSED && due.isBefore(clock.instant()));
        return new CaseRow(
                rs.getString("reference"),
                status.name(),
                Wording.of(status),
                rs.getString("category"),
                Wording.of(ReportCategory.valueOf(rs.getString("category"))),
                rs.getTimestamp("opened_at").toInstant(),
                due,
                overdue,
                rs.getString("assigned_to"),
                rs.getString("team"),
                rs.getString("name"));
    }
}
