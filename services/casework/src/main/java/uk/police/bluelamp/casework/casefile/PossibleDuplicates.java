package uk.police.bluelamp.casework.casefile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.contact.ContactDetailsToMatch;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * Cases that may be about the same matter: opened within the window by someone who gave the
 * same phone number, email address or postcode. Suggestions only; a handler decides.
 */
@Component
class PossibleDuplicates {

    /** A case that may be about the same matter, and which of the citizen's details it shares. */
    @Schema(name = "PossibleCase")
    record PossibleCase(
            @Schema(requiredMode = REQUIRED) String reference,

            @Schema(requiredMode = REQUIRED, implementation = CaseStatus.class)
            String status,

            @Schema(requiredMode = REQUIRED) String statusLabel,
            @Schema(requiredMode = REQUIRED) String categoryLabel,
            @Schema(requiredMode = REQUIRED) Instant openedAt,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "What the citizens share: \"phone number\", \"email address\" or \"postcode\"")
            List<String> sharing) {}

    static final int MOST = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;

    PossibleDuplicates(
            JdbcClient jdbc, Clock clock, @Value("${bluelamp.cases.duplicate-window:P90D}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    /** Possibly the same matter as a case about to be opened from a contact, bar the contact's own case. */
    List<PossibleCase> of(ContactDetailsToMatch contact) {
        return sharing(
                contact.phone(), contact.email(), contact.postcode(), contact.casesCalledAbout(), contact.ownCase());
    }

    /** For a case's own page: cases sharing its citizen's details, bar itself and those already linked. */
    List<PossibleCase> of(String reference) {
        return jdbc.sql("select phone, email, postcode from case_view where reference = :r")
                .param("r", reference)
                .query((rs, n) -> sharing(
                        rs.getString("phone"), rs.getString("email"), rs.getString("postcode"), List.of(), reference))
                .optional()
                .orElse(List.of());
    }

    private List<PossibleCase> sharing(
            String phone, String email, String postcode, List<String> calledFromThePhone, String except) {
        String phoneKey = phoneKey(phone);
        String emailKey = blank(email) ? null : email.strip().toLowerCase(Locale.ROOT);
        String postcodeKey = blank(postcode) ? null : postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        // "in ()" is not SQL: an empty list stands as a reference no case has.
        List<String> called = calledFromThePhone.isEmpty() ? List.of("") : calledFromThePhone;
        if (phoneKey == null && emailKey == null && postcodeKey == null && calledFromThePhone.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select reference, status, category, opened_at,
                               (right(regexp_replace(phone, '[^0-9]', '', 'g'), 10) = :phone
                                or reference in (:called)) as same_phone,
                               lower(email) = :email as same_email,
                               replace(postcode, ' ', '') = :postcode as same_postcode
                        from case_view v
                        where opened_at >= :since
                          and reference <> coalesce(:except, '')
                          and not exists (select 1 from case_link l
                                          where l.reference = :except and l.linked_reference = v.reference)
                          and (right(regexp_replace(phone, '[^0-9]', '', 'g'), 10) = :phone
                               or reference in (:called)
                               or lower(email) = :email
                               or replace(postcode, ' ', '') = :postcode)
                        order by opened_at desc limit :most
                        """)
                .param("phone", phoneKey)
                .param("called", called)
                .param("email", emailKey)
                .param("postcode", postcodeKey)
                .param("except", except)
                .param("since", Timestamp.from(clock.instant().minus(window)))
                .param("most", MOST)
                .query((rs, n) -> {
                    CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
                    List<String> shared = new ArrayList<>();
                    if (rs.getBoolean("same_phone")) {
                        shared.add("phone number");
                    }
                    if (rs.getBoolean("same_email")) {
                        shared.add("email address");
                    }
                    if (rs.getBoolean("same_postcode")) {
                        shared.add("postcode");
                    }
                    return new PossibleCase(
                            rs.getString("reference"),
                            status.name(),
                            Wording.of(status),
                            Wording.of(ReportCategory.valueOf(rs.getString("category"))),
                            rs.getTimestamp("opened_at").toInstant(),
                            shared);
                })
                .list();
    }

    /** The last ten digits: 07700 900123, +44 7700 900123 and 447700900123 are one number. */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 10 ? null : digits.substring(digits.length() - 10);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
