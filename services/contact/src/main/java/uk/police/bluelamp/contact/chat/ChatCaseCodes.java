package uk.police.bluelamp.contact.chat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reference and tracking code of a case opened from a live chat, kept for its citizen alone:
 * their page fetches them with the chat token. Only the code's hash is in any event, so this is
 * the code's one copy; it goes a day after the case opened (ADR 0037).
 */
@Component
public class ChatCaseCodes {

    public static final Duration KEPT_FOR = Duration.ofDays(1);

    @Schema(name = "ChatCaseOpened")
    public record CaseCode(
            @Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) String trackingCode) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ChatCaseCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In the transaction that opens the case, so the citizen is told of a case that exists. */
    public void keep(String contactId, String reference, String trackingCode, Instant at) {
        jdbc.sql("""
                        insert into chat_case_code (contact_id, reference, tracking_code, stored_at)
                        values (:id, :reference, :code, :at)
                        on conflict (contact_id) do update
                        set reference = excluded.reference, tracking_code = excluded.tracking_code, stored_at = excluded.stored_at
                        """)
                .param("id", contactId)
                .param("reference", reference)
                .param("code", trackingCode)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<CaseCode> of(String contactId) {
        return jdbc.sql("select reference, tracking_code from chat_case_code where contact_id = :id")
                .param("id", contactId)
                .query((rs, n) -> new CaseCode(rs.getString("reference"), rs.getString("tracking_code")))
                .optional();
    }

    /** Every node may run it: deleting what another node deleted is harmless. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOld() {
        jdbc.sql("delete from chat_case_code where stored_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(KEPT_FOR)))
                .update();
    }
}
