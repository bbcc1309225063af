package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.casework.casefile.CaseScenarios.FRIDAY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.REF;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.WEEKLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.hours;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.opened;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.statusChanged;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.command.DeclineVictimSupportReferral;
import uk.police.bluelamp.messages.casefile.command.GiveSatisfaction;
import uk.police.bluelamp.messages.casefile.command.RecordVictimSupportReferralAttempt;
import uk.police.bluelamp.messages.casefile.command.RequestSatisfaction;
import uk.police.bluelamp.messages.casefile.command.RequestVictimSupportReferral;
import uk.police.bluelamp.messages.casefile.command.SetUnsafeToContact;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.casefile.event.SatisfactionRequested;
import uk.police.bluelamp.messages.casefile.event.UnsafeToContactSet;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralDeclined;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralFailed;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** Victims' Code Right 4 (the referral), the satisfaction question, and the unsafe-to-contact marker. */
class CitizenOffersTest {

    private static final CaseOpened THEFT = opened(ReportCategory.THEFT, WEEKLY);
    private static final String SERVICE = "Victim Support";
    /** Friday 10:00 plus two working days. */
    private static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseScenarios.newFixture();
    }

    private static RequestVictimSupportReferral consent(String email, String phone) {
        return new RequestVictimSupportReferral(REF, "r-1", SERVICE, " Sam ", email, phone, FRIDAY);
    }

    private static VictimSupportReferralRequested requested() {
        return new VictimSupportReferralRequested(
                REF, "r-1", SERVICE, ReportCategory.THEFT, "Sam", null, "07700900123", FRIDAY, TUESDAY);
    }

    @Nested
    class Referral {

        @Test
        void consentRecordsTheDetailsGivenAndWhenTheReferralIsDue() {
            fixture.given(THEFT).when(consent(" ", "07700900123")).expectEvents(requested());
        }

        @Test
        void aReferralNeedsAWayForTheServiceToMakeContact() {
            fixture.given(THEFT)
                    .when(consent(null, " "))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void isMadeOnceAndNotForLostProperty() {
            fixture.given(THEFT, requested()).when(consent(null, "07700900123")).expectException(CaseRefused.class);
            fixture.given(opened(ReportCategory.LOST_PROPERTY, WEEKLY))
                    .when(consent(null, "07700900123"))
                    .expectException(CaseRefused.class);
        }

        @Test
        void aVictimWhoSaidNoMaySayYesLaterButSayingNoTwiceRecordsItOnce() {
            VictimSupportReferralDeclined declined = new VictimSupportReferralDeclined(REF, SERVICE, FRIDAY);
            fixture.given(THEFT)
                    .when(new DeclineVictimSupportReferral(REF, SERVICE, FRIDAY))
                    .expectEvents(declined);
            fixture.given(THEFT, declined)
                    .when(new DeclineVictimSupportReferral(REF, SERVICE, FRIDAY))
                    .expectNoEvents();
            fixture.given(THEFT, declined).when(consent(null, "07700900123")).expectEvents(requested());
        }

        @Test
        void aFailedAttemptIsRecordedAndOnceAcceptedNothingMore() {
            fixture.given(THEFT, requested())
                    .when(new RecordVictimSupportReferralAttempt(REF, "r-1", false, null, 1, "503", hours(1)))
                    .expectEvents(new VictimSupportReferralFailed(REF, "r-1", 1, "503", hours(1)));
            VictimSupportReferralSent sent = new VictimSupportReferralSent(REF, "r-1", "VS-9", 2, hours(2));
            fixture.given(THEFT, requested())
                    .when(new RecordVictimSupportReferralAttempt(REF, "r-1", true, "VS-9", 2, null, hours(2)))
                    .expectEvents(sent);
            fixture.given(THEFT, requested(), sent)
                    .when(new RecordVictimSupportReferralAttempt(REF, "r-1", true, "VS-9", 3, null, hours(3)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Satisfaction_ {

        private final SatisfactionRequested asked =
                new SatisfactionRequested(REF, "q-1", "ab".repeat(32), UpdateChannel.EMAIL, hours(5));

        @Test
        void aResolvedCaseAsksOnceByTheChosenChannel() {
            fixture.given(THEFT, statusChanged(CaseStatus.RECEIVED, CaseStatus.RESOLVED, hours(4)))
                    .when(new RequestSatisfaction(REF, "q-1", "ab".repeat(32), hours(5)))
                    .expectEvents(asked)
                    .expectResultMessagePayload(UpdateChannel.EMAIL);
            fixture.given(THEFT, statusChanged(CaseStatus.RECEIVED, CaseStatus.RESOLVED, hours(4)), asked)
                    .when(new RequestSatisfaction(REF, "q-2", "cd".repeat(32), hours(6)))
                    .expectNoEvents();
        }

        @Test
        void neverWhileTheCaseIsOpenOrMarkedUnsafeToContact() {
            fixture.given(THEFT)
                    .when(new RequestSatisfaction(REF, "q-1", "ab".repeat(32), hours(5)))
                    .expectNoEvents();
            fixture.given(
                            THEFT,
                            new UnsafeToContactSet(REF, true, "handler-1", hours(1)),
                            statusChanged(CaseStatus.RECEIVED, CaseStatus.RESOLVED, hours(4)))
                    .when(new RequestSatisfaction(REF, "q-1", "ab".repeat(32), hours(5)))
                    .expectNoEvents();
        }

        @Test
        void theAnswerIsGivenOnceToTheQuestionAsked() {
            SatisfactionGiven given = new SatisfactionGiven(
                    REF, "q-1", Satisfaction.SATISFIED, "Kept me informed", Channel.WEB, UpdateChannel.EMAIL, hours(7));
            fixture.given(THEFT, asked)
                    .when(new GiveSatisfaction(REF, "q-1", Satisfaction.SATISFIED, " Kept me informed ", hours(7)))
                    .expectEvents(given);
            fixture.given(THEFT, asked, given)
                    .when(new GiveSatisfaction(REF, "q-1", Satisfaction.DISSATISFIED, null, hours(8)))
                    .expectException(CaseRefused.class);
            fixture.given(THEFT)
                    .when(new GiveSatisfaction(REF, null, Satisfaction.SATISFIED, null, hours(8)))
                    .expectException(CaseRefused.class);
        }
    }

    @Test
    void markingUnsafeToContactIsRecordedOnlyWhenItChanges() {
        fixture.given(THEFT)
                .when(new SetUnsafeToContact(REF, true, "handler-1", hours(1)))
                .expectEvents(new UnsafeToContactSet(REF, true, "handler-1", hours(1)));
        fixture.given(THEFT)
                .when(new SetUnsafeToContact(REF, false, "handler-1", hours(1)))
                .expectNoEvents();
    }
}
