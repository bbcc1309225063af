package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.RecordCallbackAttempt;
import uk.police.bluelamp.messages.contact.command.RequestCallback;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;

class CallbackTest {

    private static final String ID = "cb-1";
    private static final Instant T0 = Instant.parse("2026-11-26T10:15:00Z");
    private static final Instant WINDOW_START = T0.plusSeconds(3600);
    private static final Instant WINDOW_END = T0.plusSeconds(7200);
    private static final Instant T1 = WINDOW_START.plusSeconds(60);
    private static final Instant T2 = WINDOW_START.plusSeconds(300);
    private static final Instant RETRY_AT = T2.plusSeconds(1800);

    private static final CallbackRequested REQUESTED =
            new CallbackRequested(ID, "Sam Smith", "07700900123", "Lost wallet", WINDOW_START, WINDOW_END, T0, null);
    private static final ContactAssigned ALEX_TOOK_IT =
            new ContactAssigned(ID, Channel.CALLBACK, "alex", Assignment.TAKEN, T1);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    @Test
    void aCitizenRequestsACallback() {
        fixture.givenNoPriorActivity()
                .when(new RequestCallback(
                        ID, "Sam Smith", "07700900123", "Lost wallet", WINDOW_START, WINDOW_END, T0, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REQUESTED);
    }

    @Test
    void aCallbackWithoutAPhoneNumberIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestCallback(ID, "Sam Smith", " ", "Lost wallet", WINDOW_START, WINDOW_END, T0, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aCallbackWithoutAWindowIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestCallback(ID, "Sam Smith", "07700900123", "Lost wallet", WINDOW_START, null, T0, null))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    @Test
    void aWaitingCallbackCanBeTaken() {
        fixture.given(REQUESTED)
                .when(new AssignContact(ID, "alex", Assignment.TAKEN, T1))
                .expectEvents(ALEX_TOOK_IT);
    }

    @Test
    void theAssignedHandlerRecordsReachingTheCitizen() {
        fixture.given(REQUESTED, ALEX_TOOK_IT)
                .when(new RecordCallbackAttempt(
                        ID, "alex", CallbackOutcome.REACHED, null, "Advised to report online", T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallbackAttempted(
                        ID, "alex", CallbackOutcome.REACHED, null, "Advised to report online", T2));
    }

    @Test
    void aRetryTimeIsIgnoredWhenTheCitizenWasReached() {
        fixture.given(REQUESTED, ALEX_TOOK_IT)
                .when(new RecordCallbackAttempt(ID, "alex", CallbackOutcome.REACHED, RETRY_AT, "Spoke to Sam", T2))
                .expectEvents(new CallbackAttempted(ID, "alex", CallbackOutcome.REACHED, null, "Spoke to Sam", T2));
    }

    @Test
    void aReachedCallbackStaysWithItsHandlerWhoCanCloseIt() {
        fixture.given(
                        REQUESTED,
                        ALEX_TOOK_IT,
                        new CallbackAttempted(ID, "alex", CallbackOutcome.REACHED, null, "Spoke to Sam", T2))
                .when(new CloseContact(ID, "alex", "Advice given", T2.plusSeconds(60)))
                .expectEvents(new ContactClosed(ID, Channel.CALLBACK, "alex", "Advice given", T2.plusSeconds(60)));
    }

    @Test
    void aHandlerWhoIsNotAssignedCannotRecordAnAttempt() {
        fixture.given(REQUESTED, ALEX_TOOK_IT)
                .when(new RecordCallbackAttempt(ID, "blake", CallbackOutcome.REACHED, null, "Spoke to Sam", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void anAttemptOnAWaitingCallbackIsRefused() {
        fixture.given(REQUESTED)
                .when(new RecordCallbackAttempt(ID, "alex", CallbackOutcome.REACHED, null, "Spoke to Sam", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void noAnswerWithAFutureRetryRecordsTheRetryTime() {
        fixture.given(REQUESTED, ALEX_TOOK_IT)
                .when(new RecordCallbackAttempt(ID, "alex", CallbackOutcome.NO_ANSWER, RETRY_AT, "Voicemail", T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallbackAttempted(ID, "alex", CallbackOutcome.NO_ANSWER, RETRY_AT, "Voicemail", T2));
    }

    @Test
    void afterNoAnswerWithARetryAnotherHandlerCanTakeIt() {
        fixture.given(
                        REQUESTED,
                        ALEX_TOOK_IT,
                        new CallbackAttempted(ID, "alex", CallbackOutcome.NO_ANSWER, RETRY_AT, "Voicemail", T2))
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, RETRY_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactAssigned(ID, Channel.CALLBACK, "blake", Assignment.TAKEN, RETRY_AT));
    }

    @Test
    void afterNoAnswerWithARetryTheFirstHandlerNoLongerHoldsIt() {
        fixture.given(
                        REQUESTED,
                        ALEX_TOOK_IT,
                        new CallbackAttempted(ID, "alex", CallbackOutcome.NO_ANSWER, RETRY_AT, "Voicemail", T2))
                .when(new RecordCallbackAttempt(ID, "alex", CallbackOutcome.REACHED, null, "Got through", RETRY_AT))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aRetryInThePastIsRefused() {
        fixture.given(REQUESTED, ALEX_TOOK_IT)
                .when(new RecordCallbackAttempt(
                        ID, "alex", CallbackOutcome.NO_ANSWER, T2.minusSeconds(60), "Voicemail", T2))
                .expectException(ContactRefused.class)
                .expectExceptionMessage("The retry time must be in the future")
                .expectNoEvents();
    }

    @Test
    void aRetryAtTheSameMomentIsRefused() {
        fixture.given(REQUESTED, ALEX_TOOK_IT)
                .when(new RecordCallbackAttempt(ID, "alex", CallbackOutcome.NO_ANSWER, T2, "Voicemail", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void noAnswerWithoutARetryKeepsTheCallbackWithItsHandler() {
        fixture.given(
                        REQUESTED,
                        ALEX_TOOK_IT,
                        new CallbackAttempted(ID, "alex", CallbackOutcome.NO_ANSWER, null, "Number unobtainable", T2))
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, T2.plusSeconds(60)))
                .expectException(ContactAlreadyTaken.class)
                .expectNoEvents();
    }

    @Test
    void aRetriedCallbackCanBeAttemptedAgainByItsNewHandler() {
        fixture.given(REQUESTED)
                .andGivenCommands(
                        new AssignContact(ID, "alex", Assignment.TAKEN, T1),
                        new RecordCallbackAttempt(ID, "alex", CallbackOutcome.NO_ANSWER, RETRY_AT, "Voicemail", T2),
                        new AssignContact(ID, "blake", Assignment.TAKEN, RETRY_AT))
                .when(new RecordCallbackAttempt(
                        ID, "blake", CallbackOutcome.REACHED, null, "Spoke to Sam", RETRY_AT.plusSeconds(60)))
                .expectEvents(new CallbackAttempted(
                        ID, "blake", CallbackOutcome.REACHED, null, "Spoke to Sam", RETRY_AT.plusSeconds(60)));
    }

    @Test
    void anAttemptWithoutAnOutcomeIsRefused() {
        fixture.given(REQUESTED, ALEX_TOOK_IT)
                .when(new RecordCallbackAttempt(ID, "alex", null, null, "Rang", T2))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    @Test
    void aCallbackAttemptOnAChatIsRefused() {
        fixture.given(
                        new ChatStarted(ID, "Sam", "Lost wallet", "hash", T0),
                        new ContactAssigned(ID, Channel.CHAT, "alex", Assignment.TAKEN, T1))
                .when(new RecordCallbackAttempt(ID, "alex", CallbackOutcome.REACHED, null, "Spoke to Sam", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }
}
