package uk.police.bluelamp.casework.casefile;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.police.bluelamp.messages.contact.ReportCategory;

/**
 * How long a closed case is kept before its retention review falls due, by category
 * (docs/adr/0029-retention-reviews.md: the defaults follow MoPI's minimum of six years).
 */
@ConfigurationProperties("bluelamp.retention")
record RetentionSchedule(Period reviewAfter, Map<ReportCategory, Period> byCategory) {

    static final Period MOPI_MINIMUM = Period.ofYears(6);

    RetentionSchedule {
        reviewAfter = reviewAfter == null ? MOPI_MINIMUM : reviewAfter;
        byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
    }

    Period periodFor(ReportCategory category) {
        return byCategory.getOrDefault(category, reviewAfter);
    }

    /** Calendar years and months, counted in UTC so that every node agrees on the date. */
    Instant reviewDue(ReportCategory category, Instant closedAt) {
        return closedAt.atZone(ZoneOffset.UTC).plus(periodFor(category)).toInstant();
    }
}
