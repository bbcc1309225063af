package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.casework.casefile.CaseScenarios.FRIDAY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.REF;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.WEEKLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.hours;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.notRecorded;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.opened;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.recorded;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.status;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.statusChanged;

import java.time.DayOfWeek;
import java.time.ZoneId;
import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.AddContactToCase;
import uk.police.bluelamp.messages.casefile.command.AddInternalNote;
import uk.police.bluelamp.messages.casefile.command.AssignCase;
import uk.police.bluelamp.messages.casefile.command.ChangeCaseStatus;
import uk.police.bluelamp.messages.casefile.command.RecordCrimeDecision;
import uk.police.bluelamp.messages.casefile.command.ReopenCase;
import uk.police.bluelamp.messages.casefile.command.SetEnhancedRights;
import uk.police.bluelamp.messages.casefile.command.TriageCase;
import uk.police.bluelamp.messages.casefile.event.CaseAssigned;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.CaseTriaged;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.EnhancedRightsSet;
import uk.police.bluelamp.messages.casefile.event.InternalNoteAdded;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;

/** What a handler may and may not do to a case as it moves from received to closed. */
class CaseLifecycleTest {

    private static final CaseOpened THEFT_OPENED = opened(ReportCategory.THEFT, WEEKLY);
    private static final CaseOpened LOST_OPENED = opened(ReportCategory.LOST_PROPERTY, WEEKLY);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseScenarios.newFixture();
    }

    @Nested
    class StatusChanges {

        @Test
        void aStatusChangeRecordsWhereItCameFrom() {
            fixture.given(THEFT_OPENED)
                    .when(new ChangeCaseStatus(
                            REF, CaseStatus.UNDER_REVIEW, null, "  looking into it ", "handler-1", hours(1)))
                    .expectEvents(new CaseStatusChanged(
                            REF,
                            CaseStatus.RECEIVED,
                            CaseStatus.UNDER_REVIEW,
                            null,
                            "looking into it",
                            "handler-1",
                            hours(1)));
        }

        @Test
        void aCaseCannotGoBackToReceived() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.UNDER_REVIEW, hours(1)))
                    .when(status(CaseStatus.RECEIVED, hours(2)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aFreshCaseCannotBeSetToReceivedEither() {
            fixture.given(THEFT_OPENED)
                    .when(status(CaseStatus.RECEIVED, hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void theSameStatusTwiceIsRefused() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.AWAITING_INFORMATION, hours(1)))
                    .when(status(CaseStatus.AWAITING_INFORMATION, hours(2)))
                    .expectException(CaseRefused.class)
                    .expectExceptionMessage("The case is already awaiting information")
                    .expectNoEvents();
        }

        @Test
        void aStatusIsRequired() {
            fixture.given(THEFT_OPENED)
                    .when(new ChangeCaseStatus(REF, null, null, null, "handler-1", hours(1)))
                    .expectException(NullPointerException.class)
                    .expectNoEvents();
        }

        @Test
        void referringNeedsATeam() {
            fixture.given(THEFT_OPENED)
                    .when(new ChangeCaseStatus(REF, CaseStatus.REFERRED, "   ", null, "handler-1", hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void referringRecordsTheTeam() {
            fixture.given(LOST_OPENED)
                    .when(new ChangeCaseStatus(
                            REF, CaseStatus.REFERRED, " Safeguarding hub ", null, "handler-1", hours(1)))
                    .expectEvents(
                            new CaseStatusChanged(
                                    REF,
                                    CaseStatus.RECEIVED,
                                    CaseStatus.REFERRED,
                                    "Safeguarding hub",
                                    null,
                                    "handler-1",
                                    hours(1)),
                            new KeyDecisionMade(
                                    REF, "Status: Referred", hours(1), UpdatePreference.plusWorkingDays(hours(1), 5)));
        }

        @Test
        void aClosedCaseRefusesStatusChangesUntilReopened() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.CLOSED, hours(1)))
                    .when(status(CaseStatus.UNDER_REVIEW, hours(2)))
                    .expectException(CaseRefused.class)
                    .expectNoEvents();
        }

        @Test
        void closingAClosedCaseIsRefused() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.CLOSED, hours(1)))
                    .when(status(CaseStatus.CLOSED, hours(2)))
                    .expectException(CaseRefused.class)
                    .expectNoEvents();
        }

        @Test
        void aReopenedCaseAcceptsStatusChangesAgain() {
            fixture.given(
                            THEFT_OPENED,
                            statusChanged(CaseStatus.RECEIVED, CaseStatus.CLOSED, hours(1)),
                            new CaseReopened(REF, "New information", "handler-1", hours(2)))
                    .when(status(CaseStatus.AWAITING_INFORMATION, hours(3)))
                    .expectEvents(statusChanged(CaseStatus.UNDER_REVIEW, CaseStatus.AWAITING_INFORMATION, hours(3)));
        }
    }

    @Nested
    class Reopening {

        @Test
        void aClosedCaseCanBeReopenedWithAReason() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.CLOSED, hours(1)))
                    .when(new ReopenCase(REF, "  Suspect identified  ", "handler-2", hours(5)))
                    .expectEvents(new CaseReopened(REF, "Suspect identified", "handler-2", hours(5)));
        }

        @Test
        void aResolvedCaseCanBeReopened() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.RESOLVED, hours(1)))
                    .when(new ReopenCase(REF, "Citizen disagrees", "handler-2", hours(5)))
                    .expectEvents(new CaseReopened(REF, "Citizen disagrees", "handler-2", hours(5)));
        }

        @Test
        void anOpenCaseCannotBeReopened() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.UNDER_REVIEW, hours(1)))
                    .when(new ReopenCase(REF, "Why not", "handler-2", hours(5)))
                    .expectException(CaseRefused.class)
                    .expectNoEvents();
        }

        @Test
        void aReceivedCaseCannotBeReopened() {
            fixture.given(THEFT_OPENED)
                    .when(new ReopenCase(REF, "Why not", "handler-2", hours(5)))
                    .expectException(CaseRefused.class)
                    .expectNoEvents();
        }

        @Test
        void reopeningNeedsAReason() {
            fixture.given(THEFT_OPENED, statusChanged(CaseStatus.RECEIVED, CaseStatus.CLOSED, hours(1)))
                    .when(new ReopenCase(REF, " ", "handler-2", hours(5)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aReopenedCaseIsUnderReviewSoItCannotBeReopenedAgain() {
            fixture.given(
                            THEFT_OPENED,
                            statusChanged(CaseStatus.RECEIVED, CaseStatus.CLOSED, hours(1)),
                            new CaseReopened(REF, "New information", "handler-1", hours(2)))
                    .when(new ReopenCase(REF, "Again", "handler-2", hours(5)))
                    .expectException(CaseRefused.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class CrimeRecordingDecision {

        @Test
        void theDecisionCanBeMadeOnlyOnce() {
            fixture.given(THEFT_OPENED, new CrimeRecorded(REF, "CR/1/26", "handler-1", hours(1)))
                    .when(notRecorded("Changed my mind", hours(2)))
                    .expectException(CaseRefused.class)
                    .expectNoEvents();
        }

        @Test
        void recordingNeedsACrimeNumber() {
            fixture.given(THEFT_OPENED)
                    .when(new RecordCrimeDecision(REF, true, "  ", "whatever", "handler-1", hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void notRecordingNeedsAReason() {
            fixture.given(THEFT_OPENED)
                    .when(notRecorded(null, hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void theReasonMayNotExceedTheTextLimit() {
            fixture.given(THEFT_OPENED)
                    .when(notRecorded("x".repeat(5001), hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void theCrimeNumberIsTrimmed() {
            fixture.given(THEFT_OPENED)
                    .when(new RecordCrimeDecision(REF, true, " CR/9/26 ", null, "handler-1", hours(1)))
                    .expectEvents(
                            new CrimeRecorded(REF, "CR/9/26", "handler-1", hours(1)),
                            new KeyDecisionMade(
                                    REF,
                                    "Recorded as a crime",
                                    hours(1),
                                    UpdatePreference.plusWorkingDays(hours(1), 5)));
        }

        @Test
        void lostPropertyTakesNoCrimeDecision() {
            fixture.given(LOST_OPENED)
                    .when(recorded(hours(1)))
                    .expectException(CaseRefused.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Handling {

        @Test
        void triageIsRecorded() {
            Triage triage =
                    new Triage("low", "low", "low", "some", "none", "email", Grade.SCHEDULED, "No ongoing risk");
            fixture.given(THEFT_OPENED)
                    .when(new TriageCase(REF, triage, "handler-1", hours(1)))
                    .expectEvents(new CaseTriaged(REF, triage, "handler-1", hours(1)));
        }

        @Test
        void triageNeedsARationale() {
            Triage triage = new Triage("low", "low", "low", "some", "none", "email", Grade.SCHEDULED, " ");
            fixture.given(THEFT_OPENED)
                    .when(new TriageCase(REF, triage, "handler-1", hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void triageNeedsAGrade() {
            Triage triage = new Triage("low", "low", "low", "some", "none", "email", null, "Because");
            fixture.given(THEFT_OPENED)
                    .when(new TriageCase(REF, triage, "handler-1", hours(1)))
                    .expectException(NullPointerException.class)
                    .expectNoEvents();
        }

        @Test
        void aRepeatContactJoinsTheCase() {
            fixture.given(THEFT_OPENED)
                    .when(new AddContactToCase(REF, "contact-2", Channel.PHONE, "Called again", "handler-1", hours(1)))
                    .expectEvents(new ContactAddedToCase(
                            REF, "contact-2", Channel.PHONE, "Called again", "handler-1", hours(1)));
        }

        @Test
        void aContactWithoutIdIsRefused() {
            fixture.given(THEFT_OPENED)
                    .when(new AddContactToCase(REF, "", Channel.PHONE, "Called again", "handler-1", hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void assignmentNeedsAHandlerOrATeam() {
            fixture.given(THEFT_OPENED)
                    .when(new AssignCase(REF, " ", null, "supervisor", hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void assignmentToAHandlerAlone() {
            fixture.given(THEFT_OPENED)
                    .when(new AssignCase(REF, " pc-1234 ", "  ", "supervisor", hours(1)))
                    .expectEvents(new CaseAssigned(REF, "pc-1234", null, "supervisor", hours(1)));
        }

        @Test
        void assignmentToATeamAlone() {
            fixture.given(THEFT_OPENED)
                    .when(new AssignCase(REF, null, "Fraud desk", "supervisor", hours(1)))
                    .expectEvents(new CaseAssigned(REF, null, "Fraud desk", "supervisor", hours(1)));
        }

        @Test
        void anInternalNoteIsTrimmed() {
            fixture.given(THEFT_OPENED)
                    .when(new AddInternalNote(REF, "  CCTV requested  ", "handler-1", hours(1)))
                    .expectEvents(new InternalNoteAdded(REF, "CCTV requested", "handler-1", hours(1)));
        }

        @Test
        void anInternalNoteNeedsText() {
            fixture.given(THEFT_OPENED)
                    .when(new AddInternalNote(REF, "   ", "handler-1", hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void anInternalNoteOf5000CharactersIsAccepted() {
            String text = "n".repeat(5000);
            fixture.given(THEFT_OPENED)
                    .when(new AddInternalNote(REF, text, "handler-1", hours(1)))
                    .expectEvents(new InternalNoteAdded(REF, text, "handler-1", hours(1)));
        }

        @Test
        void anInternalNoteOver5000CharactersIsRefused() {
            fixture.given(THEFT_OPENED)
                    .when(new AddInternalNote(REF, "n".repeat(5001), "handler-1", hours(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class EnhancedRights {

        @Test
        void enhancedRightsCanBeGranted() {
            fixture.given(THEFT_OPENED)
                    .when(new SetEnhancedRights(REF, true, "handler-1", hours(1)))
                    .expectEvents(new EnhancedRightsSet(REF, true, "handler-1", hours(1)));
        }

        @Test
        void settingTheSameValueTwiceRecordsNothing() {
            fixture.given(THEFT_OPENED, new EnhancedRightsSet(REF, true, "handler-1", hours(1)))
                    .when(new SetEnhancedRights(REF, true, "handler-2", hours(2)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void withdrawingRightsThatWereNeverGrantedRecordsNothing() {
            fixture.given(THEFT_OPENED)
                    .when(new SetEnhancedRights(REF, false, "handler-1", hours(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void grantedRightsCanBeWithdrawn() {
            fixture.given(THEFT_OPENED, new EnhancedRightsSet(REF, true, "handler-1", hours(1)))
                    .when(new SetEnhancedRights(REF, false, "handler-2", hours(2)))
                    .expectEvents(new EnhancedRightsSet(REF, false, "handler-2", hours(2)));
        }
    }

    @Test
    void theFixedFridayReallyIsAFriday() {
        Assertions.assertThat(FRIDAY.atZone(ZoneId.of("Europe/London")).getDayOfWeek())
                .isEqualTo(DayOfWeek.FRIDAY);
    }
}
