package uk.police.bluelamp.resourcing.publicfigures;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.platform.web.CsvLines;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.platform.wording.Wording;
import uk.police.bluelamp.resourcing.publicfigures.MonthlyFigures.ChannelMonth;

/** Open data: the contact centre's monthly figures for anyone, as JSON or CSV. */
@RestController
class PublicFiguresController {

    static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

    private final MonthlyFigures figures;
    private final VictimsCodeFigures victimsCode;
    private final Clock clock;

    PublicFiguresController(MonthlyFigures figures, VictimsCodeFigures victimsCode, Clock clock) {
        this.figures = figures;
        this.victimsCode = victimsCode;
        this.clock = clock;
    }

    @Schema(description = "A month's figures; a null count, rate or average is withheld (too few to publish)")
    record PublicMonth(
            @Schema(requiredMode = REQUIRED, pattern = "\\d{4}-\\d{2}")
            String month,

            @Schema(requiredMode = REQUIRED, description = "Counts from 1 up to this are withheld")
            long suppressedBelow,

            @Schema(requiredMode = REQUIRED) List<PublicChannel> channels,

            @Schema(requiredMode = REQUIRED, description = "Victims' Code promises due in the month, as they stand now")
            List<PublicRight> victimsCode) {}

    record PublicRight(
            @Schema(requiredMode = REQUIRED, implementation = VictimsCodeRight.class)
            String right,

            @Schema(requiredMode = REQUIRED) String label,
            Long met,
            Long missed,
            Long pending,
            Double percentMet) {}

    record PublicChannel(
            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            Long offered,
            Long answered,
            Long abandoned,
            Double abandonedPercent,
            Long averageSecondsToAnswer,
            @Schema(requiredMode = REQUIRED) long targetSeconds,
            Double answeredWithinTargetPercent) {}

    @GetMapping(value = "/api/v1/public/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicMonth json(@RequestParam(required = false) String month) {
        return view(month(month));
    }

    @GetMapping(value = "/api/v1/public/figures", produces = "text/csv", params = "format=csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String month) {
        PublicMonth view = view(month(month));
        // Long form, one figure a row, so contact and Victims' Code figures share one table.
        StringBuilder csv = new StringBuilder("month,subject,measure,value\r\n");
        Row row = (subject, measure, value) -> csv.append(view.month())
                .append(',')
                .append(subject)
                .append(',')
                .append(measure)
                .append(',')
                .append(cell(value))
                .append("\r\n");
        for (PublicChannel c : view.channels()) {
            row.add(c.channel(), "contacts", c.offered());
            row.add(c.channel(), "answered", c.answered());
            row.add(c.channel(), "abandoned", c.abandoned());
            row.add(c.channel(), "abandoned_percent", c.abandonedPercent());
            row.add(c.channel(), "average_seconds_to_answer", c.averageSecondsToAnswer());
            row.add(c.channel(), "target_seconds", c.targetSeconds());
            row.add(c.channel(), "answered_within_target_percent", c.answeredWithinTargetPercent());
        }
        for (PublicRight r : view.victimsCode()) {
            String subject = "VICTIMS_CODE_" + r.right();
            row.add(subject, "met", r.met());
            row.add(subject, "missed", r.missed());
            row.add(subject, "pending", r.pending());
            row.add(subject, "met_percent", r.percentMet());
        }
        return CsvLines.attachment("blue-lamp-figures-" + view.month() + ".csv", csv.toString());
    }

    private interface Row {
        void add(String subject, String measure, Number value);
    }

    /** Withheld is written as the word, so a spreadsheet does not read it as zero. */
    private static String cell(Number value) {
        return value == null ? "withheld" : value.toString();
    }

    private YearMonth month(String given) {
        YearMonth now = YearMonth.now(clock.withZone(MonthlyFigures.FORCE_ZONE));
        if (given == null || given.isBlank()) {
            return now.minusMonths(1);
        }
        YearMonth month;
        try {
            month = given.matches("\\d{4}-\\d{2}") ? YearMonth.parse(given) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw InvalidRequest.of("month", "Enter a month as year and month, like 2026-11");
        }
        if (month.isBefore(FIRST_MONTH) || month.isAfter(now)) {
            throw InvalidRequest.of("month", "Enter a month from January 2000 to this month");
        }
        return month;
    }

    private PublicMonth view(YearMonth month) {
        MonthlyFigures.Month contacts = figures.of(month);
        return new PublicMonth(
                month.toString(),
                contacts.suppressedBelow(),
                contacts.channels().stream().map(PublicFiguresController::view).toList(),
                victimsCode.of(month).stream()
                        .map(r -> new PublicRight(
                                r.right().name(),
                                Wording.of(r.right()),
                                r.met(),
                                r.missed(),
                                r.pending(),
                                r.percentMet()))
                        .toList());
    }

    private static PublicChannel view(ChannelMonth c) {
        return new PublicChannel(
                c.channel().name(),
                c.offered(),
                c.answered(),
                c.abandoned(),
                c.abandonedPercent(),
                c.averageSecondsToAnswer(),
                c.targetSeconds(),
                c.answeredWithinTargetPercent());
    }
}
