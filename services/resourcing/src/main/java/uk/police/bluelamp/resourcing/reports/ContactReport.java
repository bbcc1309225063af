package uk.police.bluelamp.resourcing.reports;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import uk.police.bluelamp.messages.contact.Channel;

/** One channel's contacts over a period: the totals, and the same figures per interval. */
record ContactReport(
        @Schema(requiredMode = REQUIRED, implementation = Channel.class)
        String channel,

        @Schema(requiredMode = REQUIRED, description = "The first day of the period (force time zone)")
        LocalDate from,

        @Schema(requiredMode = REQUIRED, description = "The day after the last day of the period")
        LocalDate to,

        @Schema(requiredMode = REQUIRED) Step step,

        @Schema(requiredMode = REQUIRED, description = "The channel's wait target (bluelamp.queues)")
        long targetSeconds,

        @Schema(requiredMode = REQUIRED, description = "Abandons within this are short abandons (bluelamp.reports)")
        long shortAbandonSeconds,

        @Schema(requiredMode = REQUIRED) ReportFigures totals,

        @Schema(requiredMode = REQUIRED, description = "Every interval of the period, empty ones included")
        List<ReportInterval> intervals) {

    /** How long each interval is. A day is the force's calendar day, 23 to 25 hours long. */
    enum Step {
        QUARTER_HOUR,
        HOUR,
        DAY
    }

    /**
     * What happened to the contacts offered in an interval (by when they were offered).
     * Averages are whole seconds, 0 when there was nothing to average: read them with the count.
     */
    record ReportFigures(
            @Schema(requiredMode = REQUIRED) long offered,
            @Schema(requiredMode = REQUIRED) long answered,

            @Schema(requiredMode = REQUIRED, description = "Left before an answer, short abandons included")
            long abandoned,

            @Schema(requiredMode = REQUIRED) long shortAbandoned,
            @Schema(requiredMode = REQUIRED) long answeredWithinTarget,

            @Schema(requiredMode = REQUIRED, description = "Average wait of those answered")
            long averageSpeedOfAnswerSeconds,

            @Schema(requiredMode = REQUIRED, description = "Answered and since closed or ended")
            long handled,

            @Schema(requiredMode = REQUIRED, description = "Average time from answer to close of those handled")
            long averageHandleSeconds) {}

    /** An interval, its start and end in the force's time zone (the offset tells BST from GMT). */
    record ReportInterval(
            @Schema(requiredMode = REQUIRED) OffsetDateTime start,
            @Schema(requiredMode = REQUIRED) OffsetDateTime end,
            @Schema(requiredMode = REQUIRED) ReportFigures figures) {}
}
