package uk.police.bluelamp.resourcing.citizenreports;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.signposting.SignpostReason;
import uk.police.bluelamp.platform.web.CsvLines;

/**
 * For supervisors (auditors and admins read it like the other reports): the demand pointed to
 * other services before a case was opened, and how satisfied citizens were, by month. Counts only.
 */
@RestController
class CitizenReportsController {

    private static final String BASE = "/api/v1/staff/supervisor/reports";

    private final CitizenReports reports;
    private final Clock clock;

    CitizenReportsController(CitizenReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    record SignpostCount(
            @Schema(requiredMode = REQUIRED, implementation = SignpostReason.class)
            String reason,

            @Schema(requiredMode = REQUIRED) long count) {}

    record SignpostMonth(
            @Schema(requiredMode = REQUIRED, pattern = "\\d{4}-\\d{2}")
            String month,

            @Schema(requiredMode = REQUIRED) List<SignpostCount> reasons,
            @Schema(requiredMode = REQUIRED) long total) {}

    record SignpostingReport(
            @Schema(requiredMode = REQUIRED) String from,
            @Schema(requiredMode = REQUIRED) String to,
            @Schema(requiredMode = REQUIRED) List<SignpostMonth> months) {}

    @Schema(description = "A null count or percentage is withheld (too few answers)")
    record RatingCount(
            @Schema(requiredMode = REQUIRED, implementation = Satisfaction.class)
            String satisfaction,

            Long count) {}

    record ChannelSatisfaction(
            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            Long answers,
            @Schema(requiredMode = REQUIRED) List<RatingCount> ratings,

            @Schema(description = "Very satisfied or satisfied, of all answers")
            Double percentSatisfied) {}

    record SatisfactionMonth(
            @Schema(requiredMode = REQUIRED, pattern = "\\d{4}-\\d{2}")
            String month,

            @Schema(requiredMode = REQUIRED) List<ChannelSatisfaction> channels) {}

    record SatisfactionReport(
            @Schema(requiredMode = REQUIRED) String from,
            @Schema(requiredMode = REQUIRED) String to,

            @Schema(requiredMode = REQUIRED, description = "Counts from 1 up to this are withheld")
            long suppressedBelow,

            @Schema(requiredMode = REQUIRED) List<SatisfactionMonth> months) {}

    @GetMapping(BASE + "/signposting")
    SignpostingReport signposting(
            @RequestParam(required = false) @Parameter(description = "First month, like 2026-01") String from,
            @RequestParam(required = false) @Parameter(description = "Last month, like 2026-12") String to) {
        MonthRange range = MonthRange.of(from, to, clock);
        return new SignpostingReport(
                range.from().toString(),
                range.to().toString(),
                reports.signposts(range).stream()
                        .map(m -> new SignpostMonth(
                                m.month().toString(),
                                m.reasons().stream()
                                        .map(r -> new SignpostCount(r.reason().name(), r.count()))
                                        .toList(),
                                m.total()))
                        .toList());
    }

    @GetMapping(BASE + "/signposting.csv")
    @ApiResponse(
            responseCode = "200",
            description = "One row per month, reason and channel with any signposts",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> signpostingCsv(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        MonthRange range = MonthRange.of(from, to, clock);
        StringBuilder csv = new StringBuilder();
        CsvLines.line(csv, List.of("month", "reason", "channel", "count"));
        reports.signpostsByChannel(range).stream()
                .sorted((a, b) -> (a.month() + a.first() + a.second()).compareTo(b.month() + b.first() + b.second()))
                .forEach(c -> CsvLines.line(
                        csv, List.of(c.month().toString(), c.first(), c.second(), Long.toString(c.count()))));
        return CsvLines.attachment("signposting-" + range.from() + "-to-" + range.to() + ".csv", csv.toString());
    }

    @GetMapping(BASE + "/satisfaction")
    SatisfactionReport satisfaction(
            @RequestParam(required = false) @Parameter(description = "First month, like 2026-01") String from,
            @RequestParam(required = false) @Parameter(description = "Last month, like 2026-12") String to) {
        MonthRange range = MonthRange.of(from, to, clock);
        return new SatisfactionReport(
                range.from().toString(),
                range.to().toString(),
                reports.suppressedBelow(),
                reports.satisfaction(range).stream()
                        .map(m -> new SatisfactionMonth(
                                m.month().toString(),
                                m.channels().stream()
                                        .map(CitizenReportsController::view)
                                        .toList()))
                        .toList());
    }

    @GetMapping(BASE + "/satisfaction.csv")
    @ApiResponse(
            responseCode = "200",
            description = "One figure a row: month, channel, measure, value (\"withheld\" when too few)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> satisfactionCsv(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        MonthRange range = MonthRange.of(from, to, clock);
        StringBuilder csv = new StringBuilder();
        CsvLines.line(csv, List.of("month", "channel", "measure", "value"));
        for (CitizenReports.SatisfactionMonth month : reports.satisfaction(range)) {
            for (CitizenReports.ChannelSatisfaction c : month.channels()) {
                String m = month.month().toString();
                String ch = c.channel().name();
                CsvLines.line(csv, List.of(m, ch, "answers", cell(c.answers())));
                Arrays.stream(Satisfaction.values())
                        .forEach(s -> CsvLines.line(
                                csv,
                                List.of(
                                        m,
                                        ch,
                                        s.name().toLowerCase(java.util.Locale.ROOT),
                                        cell(c.counts().get(s)))));
                CsvLines.line(csv, List.of(m, ch, "percent_satisfied", cell(c.percentSatisfied())));
            }
        }
        return CsvLines.attachment("satisfaction-" + range.from() + "-to-" + range.to() + ".csv", csv.toString());
    }

    private static ChannelSatisfaction view(CitizenReports.ChannelSatisfaction c) {
        return new ChannelSatisfaction(
                c.channel().name(),
                c.answers(),
                Arrays.stream(Satisfaction.values())
                        .map(s -> new RatingCount(s.name(), c.counts().get(s)))
                        .toList(),
                c.percentSatisfied());
    }

    /** Withheld is written as the word, so a spreadsheet does not read it as zero. */
    private static String cell(Number value) {
        return value == null ? "withheld" : value.toString();
    }
}
