package uk.police.bluelamp.resourcing.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.resourcing.facts.ChannelTargets;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures.Interval;
import uk.police.bluelamp.resourcing.reports.ContactReport.ReportFigures;
import uk.police.bluelamp.resourcing.reports.ContactReport.ReportInterval;
import uk.police.bluelamp.resourcing.reports.ContactReport.Step;

/**
 * The reports over a period, from the quarter-hour figures: every interval of the period is
 * listed, empty ones too, so a day has as many quarter hours as the clocks gave it, and longer
 * steps are sums of quarter hours (an hour of the force's clock is an hour of UTC's, since
 * Europe/London only ever moves by whole hours).
 */
@Component
class ContactCentreReports {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    private final ContactCentreFigures figures;
    private final ChannelTargets targets;
    private final ReportSettings settings;

    ContactCentreReports(ContactCentreFigures figures, ChannelTargets targets, ReportSettings settings) {
        this.figures = figures;
        this.targets = targets;
        this.settings = settings;
    }

    ContactReport contacts(Channel channel, Period period, Step step) {
        Duration target = targets.of(channel);
        List<Interval> found =
                figures.intervals(channel, period.start(), period.end(), target, settings.shortAbandon());
        List<ReportInterval> buckets = new ArrayList<>();
        Sum totals = new Sum();
        int next = 0;
        for (Instant start = period.start(); start.isBefore(period.end()); ) {
            Instant end = endOf(start, step);
            Sum sum = new Sum();
            while (next < found.size() && found.get(next).start().isBefore(end)) {
                sum.add(found.get(next));
                totals.add(found.get(next));
                next++;
            }
            buckets.add(new ReportInterval(
                    start.atZone(Period.FORCE_ZONE).toOffsetDateTime(),
                    end.atZone(Period.FORCE_ZONE).toOffsetDateTime(),
                    sum.figures()));
            start = end;
        }
        return new ContactReport(
                channel.name(),
                period.from(),
                period.to(),
                step,
                target.toSeconds(),
                settings.shortAbandon().toSeconds(),
                totals.figures(),
                buckets);
    }

    HandlerReport handlers(Period period) {
        return new HandlerReport(
                period.from(),
                period.to(),
                figures.handlers(period.start(), period.end()).stream()
                        .map(h -> new HandlerReport.HandlerRow(
                                h.handler(),
                                Math.round(h.availableSeconds()),
                                Math.round(h.busySeconds()),
                                Math.round(h.onContactsSeconds()),
                                Math.round(h.occupancy() * 10_000) / 10_000.0))
                        .toList());
    }

    private static Instant endOf(Instant start, Step step) {
        return switch (step) {
            case QUARTER_HOUR -> start.plus(QUARTER_HOUR);
            case HOUR -> start.plus(Duration.ofHours(1));
            case DAY -> {
                LocalDate day = LocalDate.ofInstant(start, Period.FORCE_ZONE);
                yield day.plusDays(1).atStartOfDay(Period.FORCE_ZONE).toInstant();
            }
        };
    }

    /** Counts and total seconds add up; averages are taken at the end. */
    private static final class Sum {
        private long offered;
        private long answered;
        private long abandoned;
        private long shortAbandoned;
        private long withinTarget;
        private double speed;
        private long handled;
        private double handle;

        void add(Interval i) {
            offered += i.offered();
            answered += i.answered();
            abandoned += i.abandoned();
            shortAbandoned += i.shortAbandoned();
            withinTarget += i.answeredWithinTarget();
            speed += i.speedOfAnswerSeconds();
            handled += i.handled();
            handle += i.handleSeconds();
        }

        ReportFigures figures() {
            return new ReportFigures(
                    offered,
                    answered,
                    abandoned,
                    shortAbandoned,
                    withinTarget,
                    answered == 0 ? 0 : Math.round(speed / answered),
                    handled,
                    handled == 0 ? 0 : Math.round(handle / handled));
        }
    }
}
