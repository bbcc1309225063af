package uk.police.bluelamp.platform.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.platform.web.Problems;

/** What the review queues of cases and of contacts share (docs/adr/0029-retention-reviews.md). */
public final class RetentionReviews {

    /** A due review left longer than this is overdue on the queue, for cases and contacts alike. */
    public static final Duration REVIEW_WITHIN = Duration.ofDays(30);

    /** The longest reason or decision number a review records, for cases and contacts alike. */
    public static final int MAX_REASON = 500;

    private static final String GIVE_A_DATE = "Give the date of the next review, as YYYY-MM-DD";

    private RetentionReviews() {}

    /**
     * The start of the day given, UTC; a date missing or not a date is a 400 naming the field, with
     * the same words as its detail. Whether it lies ahead is the aggregate's to say.
     */
    public static Instant nextReview(String date) {
        try {
            return LocalDate.parse(date == null ? "" : date.strip())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(
                    Problems.FIELD_TITLE, GIVE_A_DATE, List.of(new FieldError("nextReviewDue", GIVE_A_DATE)));
        }
    }
}
