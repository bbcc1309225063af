package uk.police.bluelamp.resourcing.publicfigures;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.resourcing.facts.ChannelTargets;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures.Interval;

/**
 * A month's figures per channel for the public: how many contacts, how quickly answered, how
 * many gave up waiting. Counts only, never a person; a count below the suppression threshold is
 * withheld, and so is every rate or average made from it, so that no one can be picked out of a
 * small number (the ONS and police open-data practice of suppressing small cells).
 */
@Component
class MonthlyFigures {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");

    private final ContactCentreFigures figures;
    private final ChannelTargets targets;
    private final long suppressBelow;

    MonthlyFigures(
            ContactCentreFigures figures,
            ChannelTargets targets,
            @Value("${bluelamp.public-figures.suppress-below:10}") long suppressBelow) {
        this.figures = figures;
        this.targets = targets;
        this.suppressBelow = suppressBelow;
    }

    /** Null fields are withheld: too few contacts to publish without risk of identifying someone. */
    record ChannelMonth(
            Channel channel,
            Long offered,
            Long answered,
            Long abandoned,
            Double abandonedPercent,
            Long averageSecondsToAnswer,
            Long targetSeconds,
            Double answeredWithinTargetPercent) {}

    record Month(YearMonth month, long suppressedBelow, List<ChannelMonth> channels) {}

    Month of(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(FORCE_ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(FORCE_ZONE).toInstant();
        return new Month(
                month,
                suppressBelow,
                Arrays.stream(Channel.values()).map(c -> channel(c, from, to)).toList());
    }

    private ChannelMonth channel(Channel channel, Instant from, Instant to) {
        Duration target = targets.of(channel);
        List<Interval> intervals = figures.intervals(channel, from, to, target, Duration.ZERO);
        long offered = intervals.stream().mapToLong(Interval::offered).sum();
        long answered = intervals.stream().mapToLong(Interval::answered).sum();
        long abandoned = intervals.stream().mapToLong(Interval::abandoned).sum();
        long withinTarget =
                intervals.stream().mapToLong(Interval::answeredWithinTarget).sum();
        double waited =
                intervals.stream().mapToDouble(Interval::speedOfAnswerSeconds).sum();
        boolean enoughOffered = offered >= suppressBelow;
        boolean enoughAnswered = answered >= suppressBelow;
        return new ChannelMonth(
                channel,
                shown(offered),
                shown(answered),
                shown(abandoned),
                enoughOffered && shown(abandoned) != null ? percent(abandoned, offered) : null,
                enoughAnswered ? Math.round(waited / answered) : null,
                target.toSeconds(),
                enoughAnswered ? percent(withinTarget, answered) : null);
    }

    /** None at all identifies no one; one to a few might. */
    private Long shown(long count) {
        return count == 0 || count >= suppressBelow ? count : null;
    }

    private static double percent(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }
}
