package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.command.AnswerCall;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.HangUpCall;
import uk.police.bluelamp.messages.contact.command.RingCall;
import uk.police.bluelamp.messages.contact.command.TransferContact;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;

/** CTI events may arrive late, twice or out of order; the contact must make sense of them. */
class TelephonyTest {

    private static final String ID = "call-1";
    private static final CallDetails CALL = new CallDetails("cti-8841", "07700900123", "101", "inbound", "general");
    private static final Instant RANG_AT = Instant.parse("2026-11-26T10:15:00Z");
    private static final Instant ANSWERED_AT = RANG_AT.plusSeconds(20);
    private static final Instant ENDED_AT = RANG_AT.plusSeconds(300);

    private static final CallRang RANG = new CallRang(ID, CALL, RANG_AT);
    private static final CallAnswered ANSWERED = new CallAnswered(ID, CALL, "alex", "2001", false, ANSWERED_AT);
    private static final ContactAssigned ASSIGNED =
            new ContactAssigned(ID, Channel.PHONE, "alex", Assignment.ANSWERED, ANSWERED_AT);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    // ---- new call ---------------------------------------------------------------------------

    @Test
    void aNewCallRings() {
        fixture.givenNoPriorActivity()
                .when(new RingCall(ID, CALL, RANG_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(RANG);
    }

    @Test
    void aDuplicateNewCallRecordsNothing() {
        fixture.given(RANG)
                .when(new RingCall(ID, CALL, RANG_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewCallWithoutCallDetailsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RingCall(ID, null, RANG_AT))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    @Test
    void aWithheldNumberStillRings() {
        CallDetails withheld = new CallDetails("cti-9", "anonymous", "101", "inbound", "general");
        fixture.givenNoPriorActivity()
                .when(new RingCall(ID, withheld, RANG_AT))
                .expectEvents(new CallRang(ID, withheld, RANG_AT));
    }

    // ---- answer -----------------------------------------------------------------------------

    @Test
    void anAnsweredCallIsAssignedToTheHandlerWhoAnswered() {
        fixture.given(RANG)
                .when(new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ANSWERED, ASSIGNED);
    }

    @Test
    void aDuplicateAnswerRecordsNothing() {
        fixture.given(RANG, ANSWERED, ASSIGNED)
                .when(new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAnswerWithNoMatchedHandlerIsRecordedButAssignsNobody() {
        fixture.given(RANG)
                .when(new AnswerCall(ID, CALL, null, "2099", ANSWERED_AT))
                .expectEvents(new CallAnswered(ID, CALL, null, "2099", false, ANSWERED_AT));
    }

    @Test
    void aCallAnsweredByAnUnknownExtensionCanStillBeTakenFromTheQueue() {
        fixture.given(RANG, new CallAnswered(ID, CALL, null, "2099", false, ANSWERED_AT))
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, ANSWERED_AT.plusSeconds(5)))
                .expectEvents(
                        new ContactAssigned(ID, Channel.PHONE, "blake", Assignment.TAKEN, ANSWERED_AT.plusSeconds(5)));
    }

    @Test
    void anAnswerArrivingBeforeItsNewCallCreatesTheCall() {
        fixture.givenNoPriorActivity()
                .when(new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallRang(ID, CALL, ANSWERED_AT), ANSWERED, ASSIGNED);
    }

    @Test
    void aSecondHandlerCannotTakeAnAnsweredCall() {
        fixture.given(RANG, ANSWERED, ASSIGNED)
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, ANSWERED_AT.plusSeconds(5)))
                .expectException(ContactAlreadyTaken.class)
                .expectNoEvents();
    }

    // ---- hangup -----------------------------------------------------------------------------

    @Test
    void aHangupBeforeAnyAnswerEndsTheCallAndAbandonsTheContact() {
        fixture.given(RANG)
                .when(new HangUpCall(ID, CALL, HangupCause.CANCEL, ENDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CallEnded(ID, CALL, HangupCause.CANCEL, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT));
    }

    @Test
    void aHangupWithoutACauseIsANormalClearing() {
        fixture.given(RANG)
                .when(new HangUpCall(ID, CALL, null, ENDED_AT))
                .expectEvents(
                        new CallEnded(ID, CALL, HangupCause.NORMAL_CLEARING, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT));
    }

    @Test
    void aHangupAfterTheAnswerEndsAnAnsweredCallAndAbandonsNothing() {
        fixture.given(RANG, ANSWERED, ASSIGNED)
                .when(new HangUpCall(ID, CALL, HangupCause.NORMAL_CLEARING, ENDED_AT))
                .expectEvents(new CallEnded(ID, CALL, HangupCause.NORMAL_CLEARING, true, ENDED_AT));
    }

    @Test
    void aForwardedCallIsClosedNotAbandoned() {
        fixture.given(RANG)
                .when(new HangUpCall(ID, CALL, HangupCause.FORWARDED, ENDED_AT))
                .expectEvents(
                        new CallEnded(ID, CALL, HangupCause.FORWARDED, false, ENDED_AT),
                        new ContactClosed(ID, Channel.PHONE, null, "Forwarded by the telephony platform", ENDED_AT));
    }

    @Test
    void aCallWhoseCallerHungUpCannotBeTransferredToAHandlerOrBackToTheQueue() {
        CallEnded hungUp = new CallEnded(ID, CALL, HangupCause.NORMAL_CLEARING, true, ENDED_AT);
        fixture.given(RANG, ANSWERED, ASSIGNED, hungUp)
                .when(new TransferContact(ID, "alex", "blake", "Needs a PCSO", null, ENDED_AT.plusSeconds(5)))
                .expectException(ContactRefused.class)
                .expectExceptionMessage("The caller has hung up: record what the call was about and close it")
                .expectNoEvents();
        fixture.given(RANG, ANSWERED, ASSIGNED, hungUp)
                .when(new TransferContact(ID, "alex", null, "Back to the queue", null, ENDED_AT.plusSeconds(5)))
                .expectException(ContactRefused.class)
                .expectNoEvents();
        fixture.given(RANG, ANSWERED, ASSIGNED, hungUp)
                .when(new CloseContact(ID, "alex", "Advice given", ENDED_AT.plusSeconds(5)))
                .expectEvents(new ContactClosed(ID, Channel.PHONE, "alex", "Advice given", ENDED_AT.plusSeconds(5)));
    }

    @Test
    void aDuplicateHangupRecordsNothing() {
        fixture.given(
                        RANG,
                        new CallEnded(ID, CALL, HangupCause.CANCEL, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT))
                .when(new HangUpCall(ID, CALL, HangupCause.CANCEL, ENDED_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDuplicateHangupOfAnAnsweredCallRecordsNothing() {
        fixture.given(RANG, ANSWERED, ASSIGNED, new CallEnded(ID, CALL, HangupCause.NORMAL_CLEARING, true, ENDED_AT))
                .when(new HangUpCall(ID, CALL, HangupCause.NORMAL_CLEARING, ENDED_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aHangupArrivingBeforeItsNewCallCreatesTheCallThenEndsIt() {
        fixture.givenNoPriorActivity()
                .when(new HangUpCall(ID, CALL, HangupCause.CANCEL, ENDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CallRang(ID, CALL, ENDED_AT),
                        new CallEnded(ID, CALL, HangupCause.CANCEL, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT));
    }

    @Test
    void aNewCallArrivingAfterItsHangupRecordsNothing() {
        fixture.given(
                        new CallRang(ID, CALL, ENDED_AT),
                        new CallEnded(ID, CALL, HangupCause.CANCEL, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT))
                .when(new RingCall(ID, CALL, RANG_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---- answer overtaken by its hangup -----------------------------------------------------

    @Test
    void anAnswerArrivingAfterItsHangupGoesToTheHandlerWhoAnsweredSoTheyCanRecordAndCloseIt() {
        fixture.given(
                        RANG,
                        new CallEnded(ID, CALL, HangupCause.NORMAL_CLEARING, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT))
                .when(new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CallAnswered(ID, CALL, "alex", "2001", true, ANSWERED_AT),
                        new ContactAssigned(ID, Channel.PHONE, "alex", Assignment.ANSWERED, ANSWERED_AT));
    }

    @Test
    void aLateAnswerOfAForwardedCallAssignsNobody() {
        fixture.given(
                        RANG,
                        new CallEnded(ID, CALL, HangupCause.FORWARDED, false, ENDED_AT),
                        new ContactClosed(ID, Channel.PHONE, null, "Forwarded by the telephony platform", ENDED_AT))
                .when(new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT))
                .expectEvents(new CallAnswered(ID, CALL, "alex", "2001", true, ANSWERED_AT));
    }

    @Test
    void aRepeatedLateAnswerRecordsNothing() {
        fixture.given(
                        RANG,
                        new CallEnded(ID, CALL, HangupCause.NORMAL_CLEARING, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT),
                        new CallAnswered(ID, CALL, "alex", "2001", true, ANSWERED_AT))
                .when(new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCallWhoseHangupOvertookItsAnswerCannotBeTakenFromTheQueue() {
        fixture.given(
                        RANG,
                        new CallEnded(ID, CALL, HangupCause.NORMAL_CLEARING, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT),
                        new CallAnswered(ID, CALL, "alex", "2001", true, ANSWERED_AT))
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, ENDED_AT.plusSeconds(5)))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void anAbandonedCallCannotBeTakenFromTheQueue() {
        fixture.given(
                        RANG,
                        new CallEnded(ID, CALL, HangupCause.CANCEL, false, ENDED_AT),
                        new ContactAbandoned(ID, Channel.PHONE, ENDED_AT))
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, ENDED_AT.plusSeconds(5)))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    // ---- whole sequences, as commands -------------------------------------------------------

    @Test
    void ringAnswerHangupInOrderLeavesTheCallWithItsHandlerToClose() {
        fixture.givenCommands(
                        new RingCall(ID, CALL, RANG_AT),
                        new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT),
                        new HangUpCall(ID, CALL, HangupCause.NORMAL_CLEARING, ENDED_AT),
                        new RingCall(ID, CALL, RANG_AT),
                        new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT))
                .when(new CloseContact(ID, "alex", "Advice given", ENDED_AT.plusSeconds(60)))
                .expectEvents(new ContactClosed(ID, Channel.PHONE, "alex", "Advice given", ENDED_AT.plusSeconds(60)));
    }

    @Test
    void everyCtiEventTwiceStillEndsAsOneAnsweredCall() {
        fixture.givenCommands(
                        new RingCall(ID, CALL, RANG_AT),
                        new RingCall(ID, CALL, RANG_AT),
                        new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT),
                        new AnswerCall(ID, CALL, "alex", "2001", ANSWERED_AT),
                        new HangUpCall(ID, CALL, HangupCause.NORMAL_CLEARING, ENDED_AT))
                .when(new HangUpCall(ID, CALL, HangupCause.NORMAL_CLEARING, ENDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
