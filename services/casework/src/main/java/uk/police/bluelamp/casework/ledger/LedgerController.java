package uk.police.bluelamp.casework.ledger;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.CaseReferenceFormat;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.casefile.VictimsCodeTotals;
import uk.police.bluelamp.platform.web.CsvLines;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * The Victims' Code ledger for supervisors, auditors and admins (the supervisor area's reads):
 * a month's totals for the Police and Crime Commissioner, as a table or CSV, and one case's
 * obligations, each as at any past moment. References and times only, so nothing here is in
 * the access log; handlers have their due-for-update queue instead.
 */
@RestController
class LedgerController {

    static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    static final YearMonth LAST_MONTH = YearMonth.of(2099, 12);

    private final Ledger ledger;
    private final Clock clock;

    LedgerController(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Schema(name = "VictimsCodeRightTotals")
    record RightTotals(
            @Schema(requiredMode = REQUIRED) VictimsCodeRight right,
            @Schema(requiredMode = REQUIRED) String rightLabel,
            @Schema(requiredMode = REQUIRED) int met,
            @Schema(requiredMode = REQUIRED) int missed,
            @Schema(requiredMode = REQUIRED) int pending,
            @Schema(requiredMode = REQUIRED) int total,

            @Schema(description = "Met out of met and missed; absent while none is decided")
            Double percentMet) {}

    @Schema(name = "VictimsCodeMonth")
    record Month(
            @Schema(requiredMode = REQUIRED, example = "2026-05")
            String month,

            @Schema(requiredMode = REQUIRED) Instant asAt,
            @Schema(requiredMode = REQUIRED) List<RightTotals> rights) {}

    @Schema(name = "VictimsCodeObligation")
    record ObligationRow(
            @Schema(requiredMode = REQUIRED) VictimsCodeRight right,
            @Schema(requiredMode = REQUIRED) String rightLabel,
            @Schema(requiredMode = REQUIRED) Instant aroseAt,
            @Schema(requiredMode = REQUIRED) Instant dueAt,
            Instant metAt,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"MET", "MISSED", "PENDING"})
            String status,

            @Schema(requiredMode = REQUIRED) String statusLabel) {}

    @Schema(name = "VictimsCodeCase")
    record CaseLedger(
            @Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) Instant asAt,
            @Schema(requiredMode = REQUIRED) List<ObligationRow> obligations) {}

    /** The month's obligations by right: met, missed and pending as at the moment (now if not given). */
    @GetMapping("/api/v1/staff/supervisor/victims-code")
    Month month(@RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "") String asAt) {
        Instant moment = moment(asAt);
        return of(ledger.totals(month(month, moment), moment));
    }

    @GetMapping("/api/v1/staff/supervisor/victims-code/export")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> export(
            @RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "") String asAt) {
        Instant moment = moment(asAt);
        Month totals = of(ledger.totals(month(month, moment), moment));
        return CsvLines.attachment("victims-code-" + totals.month() + ".csv", LedgerCsv.of(totals));
    }

    @GetMapping("/api/v1/staff/supervisor/victims-code/cases/{reference}")
    ResponseEntity<CaseLedger> ofCase(@PathVariable String reference, @RequestParam(defaultValue = "") String asAt) {
        String ref = reference.strip().toUpperCase(Locale.ROOT);
        if (!ref.matches(CaseReferenceFormat.PATTERN)) {
            throw InvalidRequest.of("reference", "Enter a case reference like BL-2026-000123");
        }
        Instant moment = moment(asAt);
        List<ObligationRow> rows = ledger.ofCase(ref, moment).stream()
                .map(o -> new ObligationRow(
                        o.right(),
                        Wording.of(o.right()),
                        o.aroseAt(),
                        o.dueAt(),
                        o.metAt(),
                        o.status().name(),
                        o.status().label))
                .toList();
        return rows.isEmpty()
                ? ResponseEntity.notFound().build()
                : ResponseEntity.ok(new CaseLedger(ref, moment, rows));
    }

    private static Month of(VictimsCodeTotals totals) {
        return new Month(
                totals.month().toString(),
                totals.asAt(),
                totals.rights().stream()
                        .map(r -> new RightTotals(
                                r.right(),
                                Wording.of(r.right()),
                                r.met(),
                                r.missed(),
                                r.pending(),
                                r.met() + r.missed() + r.pending(),
                                r.percentMet()))
                        .toList());
    }

    /** Now, or a moment that has passed: what is yet to happen has no standing. */
    private Instant moment(String asAt) {
        Instant now = clock.instant();
        if (asAt.isBlank()) {
            return now;
        }
        try {
            Instant moment = Instant.parse(asAt.strip());
            if (moment.isAfter(now)) {
                throw InvalidRequest.of("asAt", "Enter a date and time that is not in the future");
            }
            return moment;
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("asAt", "Enter a date and time like 2026-05-31T23:59:00Z");
        }
    }

    private static YearMonth month(String month, Instant asAt) {
        if (month.isBlank()) {
            return YearMonth.from(asAt.atZone(Ledger.FORCE_ZONE));
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip());
            if (parsed.isBefore(FIRST_MONTH) || parsed.isAfter(LAST_MONTH)) {
                throw InvalidRequest.of("month", "Enter a month from 2000 to 2099");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("month", "Enter a month like 2026-05");
        }
    }
}
