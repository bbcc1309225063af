package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.casework.casefile.CaseScenarios.FRIDAY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.KEY_DECISIONS;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.MONTHLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.REF;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.WEEKLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.days;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.hours;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.notRecorded;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.open;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.recorded;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.status;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.update;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.command.ReopenCase;
import uk.police.bluelamp.messages.casefile.command.SetEnhancedRights;
import uk.police.bluelamp.messages.casefile.event.CrimeDecisionOverdue;
import uk.police.bluelamp.messages.casefile.event.CrimeNotRecorded;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionUpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.UpdateOverdue;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** The promises a case keeps as deadlines: NCRS crime decision, Victims' Code updates and key decisions. */
class CaseDeadlinesTest {

    /** 24 hours after Friday 10:00 GMT. */
    static final Instant CRIME_DECISION_DUE = Instant.parse("2026-11-28T10:00:00Z");
    /** A key decision at Friday 11:00: five working days later is the next Friday, one is Monday. */
    static final Instant KEY_DECISION_AT = hours(1);

    static final Instant FIVE_WORKING_DAYS_LATER = Instant.parse("2026-12-04T11:00:00Z");
    static final Instant ONE_WORKING_DAY_LATER = Instant.parse("2026-11-30T11:00:00Z");
    static final Instant MONTHLY_DUE = Instant.parse("2026-12-27T10:00:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseScenarios.newFixture();
    }

    @Nested
    class CrimeRecordingDecision {

        @Test
        void openingACrimeCaseSchedulesTheDecision24HoursLaterAndTheFirstUpdate() {
            fixture.givenCurrentTime(FRIDAY)
                    .when(open(ReportCategory.THEFT, WEEKLY))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(CRIME_DECISION_DUE, Case.CRIME_DECISION)
                    .expectScheduledDeadlineWithName(Duration.ofHours(24), Case.CRIME_DECISION)
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-04T10:00:00Z"), Case.UPDATE_DUE);
        }

        @Test
        void noDecisionWithin24HoursRecordsItOverdueWithItsDueTime() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.THEFT, MONTHLY))
                    .whenTimeElapses(Duration.ofHours(24))
                    .expectTriggeredDeadlinesWithName(Case.CRIME_DECISION)
                    .expectEvents(new CrimeDecisionOverdue(REF, CRIME_DECISION_DUE));
        }

        @Test
        void nothingIsOverdueAMinuteBeforeTheDeadline() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.THEFT, MONTHLY))
                    .whenTimeAdvancesTo(CRIME_DECISION_DUE.minusSeconds(60))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(CRIME_DECISION_DUE, Case.CRIME_DECISION);
        }

        @Test
        void aDecisionInTimeCancelsTheDeadlineSoNothingBecomesOverdue() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.THEFT, MONTHLY), recorded(hours(2)))
                    .whenTimeElapses(Duration.ofHours(25))
                    .expectNoEvents()
                    .expectNoScheduledDeadlineWithName(CRIME_DECISION_DUE, Case.CRIME_DECISION);
        }

        @Test
        void aNotRecordedDecisionInTimeAlsoMeetsTheStandard() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.FRAUD, MONTHLY), notRecorded("No crime disclosed", hours(3)))
                    .whenTimeAdvancesTo(CRIME_DECISION_DUE.plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void lostPropertyNeedsNoCrimeDecision() {
            fixture.givenCurrentTime(FRIDAY)
                    .when(open(ReportCategory.LOST_PROPERTY, WEEKLY))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlineWithName(CRIME_DECISION_DUE, Case.CRIME_DECISION)
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-04T10:00:00Z"), Case.UPDATE_DUE);
        }

        @Test
        void aLostPropertyCaseIsNeverOverdueForACrimeDecision() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                    .whenTimeElapses(Duration.ofHours(48))
                    .expectNoEvents();
        }

        @Test
        void aDecisionCancelsTheCrimeDeadlineAndSchedulesTheKeyDecisionUpdate() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.THEFT, MONTHLY))
                    .when(recorded(KEY_DECISION_AT))
                    .expectEvents(
                            new CrimeRecorded(REF, "CR/12345/26", "handler-1", KEY_DECISION_AT),
                            new KeyDecisionMade(REF, "Recorded as a crime", KEY_DECISION_AT, FIVE_WORKING_DAYS_LATER))
                    .expectNoScheduledDeadlineWithName(CRIME_DECISION_DUE, Case.CRIME_DECISION)
                    .expectScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE)
                    .expectScheduledDeadlineWithName(MONTHLY_DUE, Case.UPDATE_DUE);
        }

        @Test
        void aNotRecordedDecisionIsAKeyDecisionToo() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.THEFT, MONTHLY))
                    .when(notRecorded("  Civil matter  ", KEY_DECISION_AT))
                    .expectEvents(
                            new CrimeNotRecorded(REF, "Civil matter", "handler-1", KEY_DECISION_AT),
                            new KeyDecisionMade(
                                    REF, "Not recorded as a crime", KEY_DECISION_AT, FIVE_WORKING_DAYS_LATER))
                    .expectScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE);
        }
    }

    @Nested
    class RegularUpdates {

        @Test
        void theUpdateDueDeadlineFiringRecordsTheUpdateOverdue() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, WEEKLY))
                    .whenTimeAdvancesTo(days(7))
                    .expectTriggeredDeadlinesWithName(Case.UPDATE_DUE)
                    .expectEvents(new UpdateOverdue(REF, days(7)));
        }

        @Test
        void bothPromisesCanFallDueInOrder() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.VEHICLE_CRIME, WEEKLY))
                    .whenTimeAdvancesTo(days(7))
                    .expectEvents(new CrimeDecisionOverdue(REF, CRIME_DECISION_DUE), new UpdateOverdue(REF, days(7)));
        }

        @Test
        void keyDecisionsOnlyPreferenceIsDueFiveWorkingDaysAfterOpening() {
            fixture.givenCurrentTime(FRIDAY)
                    .when(open(ReportCategory.LOST_PROPERTY, KEY_DECISIONS))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-04T10:00:00Z"), Case.UPDATE_DUE);
        }

        @Test
        void aPublicUpdateReschedulesTheNextUpdate() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, WEEKLY))
                    .when(update("u-1", false, days(2)))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(days(9), Case.UPDATE_DUE)
                    .expectNoScheduledDeadlineWithName(days(7), Case.UPDATE_DUE);
        }

        @Test
        void afterAPublicUpdateTheOldDueDatePassesQuietly() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, WEEKLY), update("u-1", false, days(2)))
                    .whenTimeAdvancesTo(days(8))
                    .expectNoEvents();
        }

        @Test
        void afterAPublicUpdateTheNewDueDateIsEnforced() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, WEEKLY), update("u-1", false, days(2)))
                    .whenTimeAdvancesTo(days(9))
                    .expectEvents(new UpdateOverdue(REF, days(9)));
        }

        @Test
        void closingACaseStopsTheUpdateClock() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, WEEKLY), status(CaseStatus.CLOSED, KEY_DECISION_AT))
                    .whenTimeAdvancesTo(days(7))
                    .expectNoEvents()
                    .expectNoScheduledDeadlineWithName(days(7), Case.UPDATE_DUE);
        }

        @Test
        void anUpdateOnAResolvedCaseSchedulesNoFurtherUpdate() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, WEEKLY), status(CaseStatus.RESOLVED, KEY_DECISION_AT))
                    .when(update("u-1", true, hours(2)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void reopeningRestartsTheUpdateClockFromTheReopening() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, WEEKLY), status(CaseStatus.CLOSED, KEY_DECISION_AT))
                    .when(new ReopenCase(REF, "New information", "handler-1", days(2)))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(days(9), Case.UPDATE_DUE);
        }

        @Test
        void aReopenedCaseBecomesOverdueAWeekAfterReopening() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, WEEKLY),
                            status(CaseStatus.CLOSED, KEY_DECISION_AT),
                            update("u-1", true, hours(2)),
                            new ReopenCase(REF, "New information", "handler-1", days(2)))
                    .whenTimeAdvancesTo(days(9))
                    .expectEvents(new UpdateOverdue(REF, days(9)));
        }
    }

    @Nested
    class KeyDecisions {

        @Test
        void referringTheCaseIsAKeyDecisionDueFiveWorkingDaysLater() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                    .when(status(CaseStatus.REFERRED, KEY_DECISION_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE);
        }

        @Test
        void resolvingIsAKeyDecision() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                    .when(status(CaseStatus.RESOLVED, KEY_DECISION_AT))
                    .expectScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE);
        }

        @Test
        void closingIsAKeyDecision() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                    .when(status(CaseStatus.CLOSED, KEY_DECISION_AT))
                    .expectScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE);
        }

        @Test
        void otherStatusChangesAreNotKeyDecisions() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                    .when(status(CaseStatus.UNDER_REVIEW, KEY_DECISION_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE)
                    .expectScheduledDeadlineWithName(MONTHLY_DUE, Case.UPDATE_DUE);
        }

        @Test
        void withEnhancedRightsAKeyDecisionIsDueTheNextWorkingDay() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.HATE_INCIDENT, MONTHLY),
                            new SetEnhancedRights(REF, true, "handler-1", FRIDAY))
                    .when(status(CaseStatus.REFERRED, KEY_DECISION_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(ONE_WORKING_DAY_LATER, Case.KEY_DECISION_UPDATE)
                    .expectNoScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE);
        }

        @Test
        void aDecisionMadeOnASaturdayCountsFromTheNextWorkingDay() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.THEFT, MONTHLY))
                    .when(recorded(days(1)))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-04T10:00:00Z"), Case.KEY_DECISION_UPDATE);
        }

        @Test
        void theKeyDecisionDueTimeIsEventSourced() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                    .when(status(CaseStatus.REFERRED, KEY_DECISION_AT))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aKeyDecisionUpdateMeetsThePromise() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, MONTHLY), status(CaseStatus.REFERRED, KEY_DECISION_AT))
                    .when(update("u-1", true, hours(3)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE)
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-27T13:00:00Z"), Case.UPDATE_DUE);
        }

        @Test
        void anOrdinaryUpdateDoesNotMeetTheKeyDecisionPromise() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, MONTHLY), status(CaseStatus.REFERRED, KEY_DECISION_AT))
                    .when(update("u-1", false, hours(3)))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE);
        }

        @Test
        void aKeyDecisionUpdateSentInTimeMeansNothingBecomesOverdue() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, MONTHLY),
                            status(CaseStatus.REFERRED, KEY_DECISION_AT),
                            update("u-1", true, hours(3)))
                    .whenTimeAdvancesTo(FIVE_WORKING_DAYS_LATER.plusSeconds(60))
                    .expectNoEvents();
        }

        @Test
        void aLaterKeyDecisionReplacesTheEarlierDeadline() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.THEFT, MONTHLY), recorded(KEY_DECISION_AT))
                    .when(status(CaseStatus.REFERRED, days(3)))
                    .expectNoScheduledDeadlineWithName(FIVE_WORKING_DAYS_LATER, Case.KEY_DECISION_UPDATE)
                    // Monday 30 Nov 10:00 + 5 working days = Monday 7 Dec 10:00
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-07T10:00:00Z"), Case.KEY_DECISION_UPDATE);
        }

        @Test
        void noKeyDecisionUpdateInTimeIsRecordedAsOverdue() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, MONTHLY), status(CaseStatus.REFERRED, KEY_DECISION_AT))
                    .whenTimeAdvancesTo(FIVE_WORKING_DAYS_LATER)
                    .expectTriggeredDeadlinesWithName(Case.KEY_DECISION_UPDATE)
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.matches(p -> p instanceof KeyDecisionUpdateOverdue), Matchers.andNoMore())));
        }

        @Test
        void theKeyDecisionOverdueEventCarriesItsDueTime() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, MONTHLY), status(CaseStatus.REFERRED, KEY_DECISION_AT))
                    .whenTimeAdvancesTo(FIVE_WORKING_DAYS_LATER)
                    .expectEvents(new KeyDecisionUpdateOverdue(REF, FIVE_WORKING_DAYS_LATER));
        }
    }
}
