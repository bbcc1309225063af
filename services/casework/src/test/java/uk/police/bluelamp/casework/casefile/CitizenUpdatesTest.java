package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.casework.casefile.CaseScenarios.FORTNIGHTLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.FRIDAY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.KEY_DECISIONS;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.MONTHLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.REF;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.SAM;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.WEEKLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.days;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.hours;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.open;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.opened;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.status;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.ChangeUpdatePreference;
import uk.police.bluelamp.messages.casefile.command.PostCaseMessage;
import uk.police.bluelamp.messages.casefile.command.PublishUpdate;
import uk.police.bluelamp.messages.casefile.command.RecordTrackingCodeSent;
import uk.police.bluelamp.messages.casefile.command.RecordUpdateDelivery;
import uk.police.bluelamp.messages.casefile.event.CaseMessagePosted;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.TrackingCodeSent;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** Victims' Code Right 6: public updates, the citizen's update preference, messages and delivery. */
class CitizenUpdatesTest {

    private static final CaseOpened OPENED_WEEKLY = opened(ReportCategory.THEFT, WEEKLY);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseScenarios.newFixture();
    }

    @Nested
    class PublicUpdates {

        @Test
        void anUpdateGoesByTheCitizensChosenChannelAndSaysWhenTheNextIsDue() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PublishUpdate(REF, "u-1", "  We have viewed the CCTV.  ", false, "handler-1", days(2)))
                    .expectEvents(new PublicUpdatePublished(
                            REF,
                            "u-1",
                            "We have viewed the CCTV.",
                            false,
                            UpdateChannel.EMAIL,
                            "handler-1",
                            days(2),
                            days(9)));
        }

        @Test
        void anUpdateFollowsAChangedPreference() {
            Instant changedAt = days(1);
            fixture.given(
                            OPENED_WEEKLY,
                            new UpdatePreferenceChanged(
                                    REF, FORTNIGHTLY, SAM, FORTNIGHTLY.nextUpdateDue(changedAt), changedAt))
                    .when(new PublishUpdate(REF, "u-1", "News", true, "handler-1", days(2)))
                    .expectEvents(new PublicUpdatePublished(
                            REF, "u-1", "News", true, UpdateChannel.SMS, "handler-1", days(2), days(16)));
        }

        @Test
        void anUpdateNeedsText() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PublishUpdate(REF, "u-1", "  ", false, "handler-1", days(2)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void anUpdateNeedsAnId() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PublishUpdate(REF, null, "News", false, "handler-1", days(2)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void anUpdateOf5000CharactersIsAcceptedButNotMore() {
            String longest = "u".repeat(5000);
            fixture.given(OPENED_WEEKLY)
                    .when(new PublishUpdate(REF, "u-1", longest, false, "handler-1", days(2)))
                    .expectSuccessfulHandlerExecution();
            fixture.given(OPENED_WEEKLY)
                    .when(new PublishUpdate(REF, "u-1", longest + "u", false, "handler-1", days(2)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class UpdatePreferences {

        @Test
        void aChangedPreferenceKeepsTheCitizensDetailsWhenNoneAreGiven() {
            fixture.given(OPENED_WEEKLY)
                    .when(new ChangeUpdatePreference(REF, MONTHLY, null, days(1)))
                    .expectEvents(new UpdatePreferenceChanged(
                            REF, MONTHLY, SAM, Instant.parse("2026-12-28T10:00:00Z"), days(1)));
        }

        @Test
        void aChangedPreferenceCanCarryNewContactDetails() {
            CitizenDetails moved = SAM.withContact("sam@new.example.org", null);
            UpdatePreference sms = new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.WEEKLY);
            fixture.given(OPENED_WEEKLY)
                    .when(new ChangeUpdatePreference(REF, sms, moved, days(1)))
                    .expectEvents(new UpdatePreferenceChanged(REF, sms, moved, days(8), days(1)));
        }

        @Test
        void aPreferenceIsRequired() {
            fixture.given(OPENED_WEEKLY)
                    .when(new ChangeUpdatePreference(REF, null, null, days(1)))
                    .expectException(NullPointerException.class)
                    .expectNoEvents();
        }

        @Test
        void aChangedPreferenceReschedulesTheUpdateDeadline() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, WEEKLY))
                    .when(new ChangeUpdatePreference(REF, MONTHLY, null, days(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlineWithName(days(7), Case.UPDATE_DUE)
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-28T10:00:00Z"), Case.UPDATE_DUE);
        }

        @Test
        void afterAChangeTheOldDueDatePassesQuietly() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, WEEKLY),
                            new ChangeUpdatePreference(REF, FORTNIGHTLY, null, days(1)))
                    .whenTimeAdvancesTo(days(14))
                    .expectNoEvents();
        }

        @Test
        void afterAChangeTheNewDueDateIsEnforced() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(
                            open(ReportCategory.LOST_PROPERTY, WEEKLY),
                            new ChangeUpdatePreference(REF, FORTNIGHTLY, null, days(1)))
                    .whenTimeAdvancesTo(days(15))
                    .expectEvents(new UpdateOverdue(REF, days(15)));
        }

        @Test
        void choosingKeyDecisionsOnlyMeansAnUpdateWithinFiveWorkingDays() {
            // Saturday 28 Nov 10:00 + 5 working days = Friday 4 Dec 10:00
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, MONTHLY))
                    .when(new ChangeUpdatePreference(REF, KEY_DECISIONS, null, days(1)))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-12-04T10:00:00Z"), Case.UPDATE_DUE);
        }

        @Test
        void aChangedPreferenceOnAClosedCaseSchedulesNoUpdate() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(open(ReportCategory.LOST_PROPERTY, WEEKLY), status(CaseStatus.CLOSED, hours(1)))
                    .when(new ChangeUpdatePreference(REF, MONTHLY, null, days(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlineWithName(Instant.parse("2026-12-28T10:00:00Z"), Case.UPDATE_DUE)
                    .expectNoScheduledDeadlineWithName(days(7), Case.UPDATE_DUE);
        }
    }

    @Nested
    class Messages {

        @Test
        void aCitizenMessageIsRecordedTrimmed() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(REF, "m-1", MessageAuthor.CITIZEN, null, "  Any news?  ", hours(5)))
                    .expectEvents(
                            new CaseMessagePosted(REF, "m-1", MessageAuthor.CITIZEN, null, "Any news?", hours(5)));
        }

        @Test
        void aHandlerReplyIsRecordedWithItsAuthor() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(
                            REF, "m-2", MessageAuthor.HANDLER, "PC 1234", "Yes, see update", hours(6)))
                    .expectEvents(new CaseMessagePosted(
                            REF, "m-2", MessageAuthor.HANDLER, "PC 1234", "Yes, see update", hours(6)));
        }

        @Test
        void aMessageOf2000CharactersIsAccepted() {
            String text = "m".repeat(2000);
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(REF, "m-1", MessageAuthor.CITIZEN, null, text, hours(5)))
                    .expectEvents(new CaseMessagePosted(REF, "m-1", MessageAuthor.CITIZEN, null, text, hours(5)));
        }

        @Test
        void aMessageOver2000CharactersIsRefused() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(REF, "m-1", MessageAuthor.CITIZEN, null, "m".repeat(2001), hours(5)))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("A message must be 2000 characters or fewer")
                    .expectNoEvents();
        }

        @Test
        void surroundingSpacesDoNotCountTowardsTheLimit() {
            String text = "m".repeat(2000);
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(REF, "m-1", MessageAuthor.CITIZEN, null, "   " + text + "\n", hours(5)))
                    .expectEvents(new CaseMessagePosted(REF, "m-1", MessageAuthor.CITIZEN, null, text, hours(5)));
        }

        @Test
        void anEmptyMessageIsRefused() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(REF, "m-1", MessageAuthor.CITIZEN, null, " \n ", hours(5)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aMessageNeedsAnIdAndASender() {
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(REF, " ", MessageAuthor.CITIZEN, null, "Hello", hours(5)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
            fixture.given(OPENED_WEEKLY)
                    .when(new PostCaseMessage(REF, "m-1", null, null, "Hello", hours(5)))
                    .expectException(NullPointerException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Delivery {

        @Test
        void aDeliveryAttemptIsRecorded() {
            fixture.given(OPENED_WEEKLY)
                    .when(new RecordUpdateDelivery(
                            REF,
                            "u-1",
                            UpdateChannel.SMS,
                            DeliveryStatus.FAILED,
                            2,
                            null,
                            "Number unreachable",
                            days(2)))
                    .expectEvents(new UpdateDeliveryRecorded(
                            REF,
                            "u-1",
                            UpdateChannel.SMS,
                            DeliveryStatus.FAILED,
                            2,
                            null,
                            "Number unreachable",
                            days(2)));
        }

        @Test
        void aSuccessfulDeliveryKeepsTheNotifyReference() {
            fixture.given(OPENED_WEEKLY)
                    .when(new RecordUpdateDelivery(
                            REF, "u-1", UpdateChannel.EMAIL, DeliveryStatus.SENT, 1, "notify-abc", null, days(2)))
                    .expectEvents(new UpdateDeliveryRecorded(
                            REF, "u-1", UpdateChannel.EMAIL, DeliveryStatus.SENT, 1, "notify-abc", null, days(2)));
        }

        @Test
        void sendingTheCitizenTheirCodeIsRecorded() {
            fixture.given(OPENED_WEEKLY)
                    .when(new RecordTrackingCodeSent(REF, UpdateChannel.SMS, "notify-xyz", days(1)))
                    .expectEvents(new TrackingCodeSent(REF, UpdateChannel.SMS, "notify-xyz", days(1)));
        }
    }
}
