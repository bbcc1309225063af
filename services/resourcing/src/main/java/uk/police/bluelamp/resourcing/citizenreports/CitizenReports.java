package uk.police.bluelamp.resourcing.citizenreports;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.signposting.SignpostReason;

/**
 * Counts by month from the two fact tables. Satisfaction counts from one up to the public
 * figures' threshold are withheld, and so is every percentage made from them: a handful of
 * answers from one channel in one month could point to the people who gave them.
 */
@Component
class CitizenReports {

    private final JdbcClient jdbc;
    private final long suppressBelow;

    CitizenReports(JdbcClient jdbc, @Value("${bluelamp.public-figures.suppress-below:10}") long suppressBelow) {
        this.jdbc = jdbc;
        this.suppressBelow = suppressBelow;
    }

    record Count(YearMonth month, String first, String second, long count) {}

    record ReasonCount(SignpostReason reason, long count) {}

    record SignpostMonth(YearMonth month, List<ReasonCount> reasons, long total) {}

    /** Null counts and percentages are withheld. */
    record ChannelSatisfaction(
            Channel channel, Long answers, Map<Satisfaction, Long> counts, Double percentSatisfied) {}

    record SatisfactionMonth(YearMonth month, List<ChannelSatisfaction> channels) {}

    List<Count> signpostsByChannel(MonthRange range) {
        return counts("signposting_fact", "reason", range);
    }

    List<SignpostMonth> signposts(MonthRange range) {
        Map<YearMonth, Map<SignpostReason, Long>> byMonth = new HashMap<>();
        for (Count c : signpostsByChannel(range)) {
            byMonth.computeIfAbsent(c.month(), m -> new EnumMap<>(SignpostReason.class))
                    .merge(SignpostReason.valueOf(c.first()), c.count(), Long::sum);
        }
        List<SignpostMonth> months = new ArrayList<>();
        for (YearMonth month : range.months()) {
            Map<SignpostReason, Long> counts = byMonth.getOrDefault(month, Map.of());
            List<ReasonCount> reasons = Arrays.stream(SignpostReason.values())
                    .map(r -> new ReasonCount(r, counts.getOrDefault(r, 0L)))
                    .toList();
            months.add(new SignpostMonth(
                    month,
                    reasons,
                    reasons.stream().mapToLong(ReasonCount::count).sum()));
        }
        return months;
    }

    List<SatisfactionMonth> satisfaction(MonthRange range) {
        Map<YearMonth, Map<Channel, Map<Satisfaction, Long>>> byMonth = new HashMap<>();
        for (Count c : counts("satisfaction_fact", "satisfaction", range)) {
            byMonth.computeIfAbsent(c.month(), m -> new EnumMap<>(Channel.class))
                    .computeIfAbsent(Channel.valueOf(c.second()), ch -> new EnumMap<>(Satisfaction.class))
                    .merge(Satisfaction.valueOf(c.first()), c.count(), Long::sum);
        }
        List<SatisfactionMonth> months = new ArrayList<>();
        for (YearMonth month : range.months()) {
            Map<Channel, Map<Satisfaction, Long>> channels = byMonth.getOrDefault(month, Map.of());
            months.add(new SatisfactionMonth(
                    month,
                    Arrays.stream(Channel.values())
                            .map(ch -> channel(ch, channels.getOrDefault(ch, Map.of())))
                            .toList()));
        }
        return months;
    }

    long suppressedBelow() {
        return suppressBelow;
    }

    private ChannelSatisfaction channel(Channel channel, Map<Satisfaction, Long> counts) {
        long answers = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<Satisfaction, Long> shown = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            shown.put(s, shown(counts.getOrDefault(s, 0L)));
        }
        long satisfied =
                counts.getOrDefault(Satisfaction.VERY_SATISFIED, 0L) + counts.getOrDefault(Satisfaction.SATISFIED, 0L);
        boolean enough = answers >= suppressBelow;
        return new ChannelSatisfaction(
                channel, shown(answers), shown, enough ? Math.round(1000.0 * satisfied / answers) / 10.0 : null);
    }

    /** None at all identifies no one; one to a few might. */
    private Long shown(long count) {
        return count == 0 || count >= suppressBelow ? count : null;
    }

    private List<Count> counts(String table, String column, MonthRange range) {
        return jdbc.sql("select to_char(at at time zone 'Europe/London', 'YYYY-MM') as month, " + column
                        + ", channel, count(*) from " + table + " where at >= :start and at < :end group by 1, 2, 3")
                .param("start", Timestamp.from(range.start()))
                .param("end", Timestamp.from(range.end()))
                .query((rs, n) ->
                        new Count(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
