package uk.police.bluelamp.resourcing.reports;

import static uk.police.bluelamp.platform.web.CsvLines.line;

import java.util.List;
import java.util.stream.Stream;
import uk.police.bluelamp.resourcing.reports.ContactReport.ReportFigures;
import uk.police.bluelamp.resourcing.reports.ContactReport.ReportInterval;

/**
 * The reports as CSV (RFC 4180: a header row, CRLF line ends, every cell quoted). A cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets an apostrophe in front: a
 * handler's sign-in name comes from a directory the force does not fully control, and must stay
 * text when the file is opened. One row per quarter hour whatever step the page charts.
 */
final class ReportCsv {

    private static final List<String> CONTACT_HEADER = List.of(
            "interval_start",
            "interval_end",
            "channel",
            "offered",
            "answered",
            "abandoned",
            "short_abandoned",
            "answered_within_target",
            "target_seconds",
            "average_speed_of_answer_seconds",
            "handled",
            "average_handle_time_seconds");

    private static final List<String> HANDLER_HEADER =
            List.of("handler", "available_seconds", "busy_seconds", "on_contacts_seconds", "occupancy");

    private ReportCsv() {}

    static String contacts(ContactReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, CONTACT_HEADER);
        for (ReportInterval b : report.intervals()) {
            ReportFigures f = b.figures();
            line(
                    csv,
                    Stream.of(
                                    b.start(),
                                    b.end(),
                                    report.channel(),
                                    f.offered(),
                                    f.answered(),
                                    f.abandoned(),
                                    f.shortAbandoned(),
                                    f.answeredWithinTarget(),
                                    report.targetSeconds(),
                                    f.averageSpeedOfAnswerSeconds(),
                                    f.handled(),
                                    f.averageHandleSeconds())
                            .map(String::valueOf)
                            .toList());
        }
        return csv.toString();
    }

    static String handlers(HandlerReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HANDLER_HEADER);
        for (HandlerReport.HandlerRow h : report.handlers()) {
            line(
                    csv,
                    List.of(
                            h.handler(),
                            String.valueOf(h.availableSeconds()),
                            String.valueOf(h.busySeconds()),
                            String.valueOf(h.onContactsSeconds()),
                            String.valueOf(h.occupancy())));
        }
        return csv.toString();
    }

    /** Names the period by its first and last day, as people do. */
    static String filename(String what, Period period) {
        return "%s-%s-to-%s.csv".formatted(what, period.from(), period.lastDay());
    }
}
