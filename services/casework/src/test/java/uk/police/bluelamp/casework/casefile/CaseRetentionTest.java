package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.casework.casefile.CaseScenarios.FRIDAY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.MONTHLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.REF;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.days;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.hours;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.open;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.recorded;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.status;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.update;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.command.DisposeOfCase;
import uk.police.bluelamp.messages.casefile.command.ExtendRetention;
import uk.police.bluelamp.messages.casefile.command.ReopenCase;
import uk.police.bluelamp.messages.casefile.event.CaseDisposed;
import uk.police.bluelamp.messages.casefile.event.RetentionExtended;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewFellDue;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewScheduled;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** MoPI review, retention and disposal: a closed case falls due for review when its period ends. */
class CaseRetentionTest {

    static final Instant CLOSED_AT = days(30);
    /** Six years (MoPI's minimum) after the close, in calendar years. */
    static final Instant SIX_YEARS_ON = Instant.parse("2032-12-27T10:00:00Z");

    static final Instant A_YEAR_ON = Instant.parse("2027-12-27T10:00:00Z");
    static final String DECISION = "DP decision 2032/114";

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseScenarios.newFixture();
    }

    @Test
    void closingSchedulesTheReviewAfterTheCategorysPeriod() {
        fixture.givenCurrentTime(FRIDAY)
                .andGivenCommands(open(ReportCategory.THEFT, MONTHLY))
                .when(status(CaseStatus.CLOSED, CLOSED_AT))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadlineWithName(SIX_YEARS_ON, Case.RETENTION_REVIEW);
    }

    @Test
    void lostPropertyIsReviewedSoonerAsConfigured() {
        fixture.givenCurrentTime(FRIDAY)
                .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                .when(status(CaseStatus.CLOSED, CLOSED_AT))
                .expectScheduledDeadlineWithName(A_YEAR_ON, Case.RETENTION_REVIEW);
    }

    @Test
    void resolvingSchedulesNoReviewOnlyClosingDoes() {
        fixture.givenCurrentTime(FRIDAY)
                .andGivenCommands(open(ReportCategory.THEFT, MONTHLY))
                .when(status(CaseStatus.RESOLVED, CLOSED_AT))
                .expectNoScheduledDeadlineWithName(SIX_YEARS_ON, Case.RETENTION_REVIEW);
    }

    @Test
    void whenThePeriodEndsTheReviewFallsDue() {
        closedTheftCase()
                .whenTimeAdvancesTo(SIX_YEARS_ON)
                .expectTriggeredDeadlinesWithName(Case.RETENTION_REVIEW)
                .expectEvents(new RetentionReviewFellDue(REF, SIX_YEARS_ON));
    }

    @Test
    void nothingFallsDueADayBefore() {
        closedTheftCase()
                .whenTimeAdvancesTo(SIX_YEARS_ON.minus(Duration.ofDays(1)))
                .expectNoEvents();
    }

    @Test
    void reopeningCancelsTheReview() {
        closedTheftCase()
                .andGivenCommands(new ReopenCase(REF, "New evidence", "handler-1", days(40)))
                .whenTimeAdvancesTo(SIX_YEARS_ON.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(Case.UPDATE_DUE)
                .expectNoScheduledDeadlineWithName(SIX_YEARS_ON, Case.RETENTION_REVIEW);
    }

    @Test
    void closingAgainAfterReopeningSchedulesANewReview() {
        closedTheftCase()
                .andGivenCommands(new ReopenCase(REF, "New evidence", "handler-1", days(40)))
                .when(status(CaseStatus.CLOSED, days(60)))
                .expectScheduledDeadlineWithName(Instant.parse("2033-01-26T10:00:00Z"), Case.RETENTION_REVIEW)
                .expectNoScheduledDeadlineWithName(SIX_YEARS_ON, Case.RETENTION_REVIEW);
    }

    @Test
    void aReviewerExtendsWithAReasonAndTheNextReviewFallsDueThen() {
        Instant next = SIX_YEARS_ON.plus(Duration.ofDays(365));
        dueTheftCase()
                .when(new ExtendRetention(REF, "Linked to an open investigation", next, "dpo-1", SIX_YEARS_ON))
                .expectEvents(
                        new RetentionExtended(REF, "Linked to an open investigation", next, "dpo-1", SIX_YEARS_ON))
                .expectScheduledDeadlineWithName(next, Case.RETENTION_REVIEW);
    }

    @Test
    void theExtendedReviewFallsDueAgainOnItsNewDate() {
        Instant next = SIX_YEARS_ON.plus(Duration.ofDays(365));
        dueTheftCase()
                .andGivenCommands(
                        new ExtendRetention(REF, "Linked to an open investigation", next, "dpo-1", SIX_YEARS_ON))
                .whenTimeAdvancesTo(next)
                .expectEvents(new RetentionReviewFellDue(REF, next));
    }

    @Test
    void anExtensionNeedsAReasonAndAFutureDate() {
        dueTheftCase()
                .when(new ExtendRetention(REF, " ", SIX_YEARS_ON.plusSeconds(60), "dpo-1", SIX_YEARS_ON))
                .expectException(IllegalArgumentException.class);
        dueTheftCase()
                .when(new ExtendRetention(REF, "Still needed", SIX_YEARS_ON.minusSeconds(60), "dpo-1", SIX_YEARS_ON))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void aReviewNotYetDueCannotBeExtendedOrDisposed() {
        closedTheftCase()
                .when(new DisposeOfCase(REF, DECISION, "dpo-1", days(31)))
                .expectException(CaseRefused.class);
        closedTheftCase()
                .when(new ExtendRetention(REF, "Still needed", SIX_YEARS_ON.plusSeconds(60), "dpo-1", days(31)))
                .expectException(CaseRefused.class);
    }

    @Test
    void aReviewerDisposesOfADueCase() {
        dueTheftCase()
                .when(new DisposeOfCase(REF, DECISION, "dpo-1", SIX_YEARS_ON))
                .expectEvents(new CaseDisposed(REF, DECISION, "dpo-1", SIX_YEARS_ON));
    }

    @Test
    void aDisposedCaseCannotBeDisposedAgainNorReopened() {
        dueTheftCase()
                .andGivenCommands(new DisposeOfCase(REF, DECISION, "dpo-1", SIX_YEARS_ON))
                .when(new DisposeOfCase(REF, DECISION, "dpo-1", SIX_YEARS_ON.plusSeconds(1)))
                .expectException(CaseRefused.class);
        dueTheftCase()
                .andGivenCommands(new DisposeOfCase(REF, DECISION, "dpo-1", SIX_YEARS_ON))
                .when(new ReopenCase(REF, "Changed our mind", "handler-1", SIX_YEARS_ON.plusSeconds(1)))
                .expectException(CaseRefused.class);
    }

    /** Closed with every promise kept, so the retention review is its only deadline. */
    private TestExecutor<Case> closedTheftCase() {
        fixture = CaseScenarios.newFixture();
        return fixture.givenCurrentTime(FRIDAY)
                .andGivenCommands(
                        open(ReportCategory.THEFT, MONTHLY),
                        recorded(hours(2)),
                        status(CaseStatus.CLOSED, CLOSED_AT),
                        update("closing-update", true, CLOSED_AT));
    }

    private TestExecutor<Case> dueTheftCase() {
        fixture = CaseScenarios.newFixture();
        return fixture.givenCurrentTime(SIX_YEARS_ON.minusSeconds(1))
                .andGiven(
                        CaseScenarios.opened(ReportCategory.THEFT, MONTHLY),
                        CaseScenarios.statusChanged(CaseStatus.RECEIVED, CaseStatus.CLOSED, CLOSED_AT),
                        new RetentionReviewScheduled(REF, "P6Y", SIX_YEARS_ON, CLOSED_AT),
                        new RetentionReviewFellDue(REF, SIX_YEARS_ON));
    }
}
