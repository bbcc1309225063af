package uk.police.bluelamp.resourcing.reports;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.platform.web.CsvLines;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.resourcing.reports.ContactReport.Step;

/**
 * Reports over any period for supervisors, read-only for auditors and admins like the
 * dashboard (security: GET under /api/v1/staff/supervisor/). No personal data: counts and times,
 * and handlers by their sign-in name. Periods are whole days in the force's time zone, the
 * end day not included.
 */
@RestController
class ReportsController {

    private static final String BASE = "/api/v1/staff/supervisor/reports";

    private final ContactCentreReports reports;

    ReportsController(ContactCentreReports reports) {
        this.reports = reports;
    }

    @GetMapping(BASE + "/contacts")
    ContactReport contactReport(
            @RequestParam(required = false) @Parameter(schema = @Schema(implementation = Channel.class)) String channel,
            @RequestParam(required = false)
                    @Parameter(description = "First day, like 2026-03-29", schema = @Schema(format = "date"))
                    String from,
            @RequestParam(required = false)
                    @Parameter(description = "The day after the last", schema = @Schema(format = "date"))
                    String to,
            @RequestParam(required = false) @Parameter(schema = @Schema(implementation = Step.class)) String step) {
        List<FieldError> errors = new ArrayList<>();
        Channel c = channel(channel, errors);
        Step s = step(step, errors);
        Period period = Period.of(from, to, errors);
        Fields.throwIfAny(errors);
        return reports.contacts(c, period, s);
    }

    @GetMapping(BASE + "/handlers")
    HandlerReport handlerReport(
            @RequestParam(required = false)
                    @Parameter(description = "First day, like 2026-03-29", schema = @Schema(format = "date"))
                    String from,
            @RequestParam(required = false)
                    @Parameter(description = "The day after the last", schema = @Schema(format = "date"))
                    String to) {
        return reports.handlers(Period.of(from, to));
    }

    @GetMapping(BASE + "/contacts.csv")
    @ApiResponse(
            responseCode = "200",
            description = "One row per quarter hour of the period",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> contactReportCsv(
            @RequestParam(required = false) @Parameter(schema = @Schema(implementation = Channel.class)) String channel,
            @RequestParam(required = false)
                    @Parameter(description = "First day, like 2026-03-29", schema = @Schema(format = "date"))
                    String from,
            @RequestParam(required = false)
                    @Parameter(description = "The day after the last", schema = @Schema(format = "date"))
                    String to) {
        List<FieldError> errors = new ArrayList<>();
        Channel c = channel(channel, errors);
        Period period = Period.of(from, to, errors);
        Fields.throwIfAny(errors);
        ContactReport report = reports.contacts(c, period, Step.QUARTER_HOUR);
        return CsvLines.attachment(
                ReportCsv.filename("contacts-" + c.name().toLowerCase(Locale.ROOT), period),
                ReportCsv.contacts(report));
    }

    @GetMapping(BASE + "/handlers.csv")
    @ApiResponse(
            responseCode = "200",
            description = "One row per handler",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> handlerReportCsv(
            @RequestParam(required = false)
                    @Parameter(description = "First day, like 2026-03-29", schema = @Schema(format = "date"))
                    String from,
            @RequestParam(required = false)
                    @Parameter(description = "The day after the last", schema = @Schema(format = "date"))
                    String to) {
        Period period = Period.of(from, to);
        return CsvLines.attachment(
                ReportCsv.filename("handlers", period), ReportCsv.handlers(reports.handlers(period)));
    }

    private static Channel channel(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("channel", "Choose a channel"));
            return null;
        }
        try {
            return Channel.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("channel", "Choose a channel: WEB, CHAT, PHONE or CALLBACK"));
            return null;
        }
    }

    private static Step step(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Step.QUARTER_HOUR;
        }
        try {
            return Step.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("step", "Choose a step: QUARTER_HOUR, HOUR or DAY"));
            return null;
        }
    }
}
