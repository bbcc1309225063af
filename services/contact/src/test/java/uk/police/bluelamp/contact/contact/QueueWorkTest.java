package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.TakeNextContact;
import uk.police.bluelamp.messages.contact.command.TransferContact;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;

/** Taking, transferring and closing a contact: the same for every channel (a web report here). */
class QueueWorkTest {

    private static final String ID = "c-100";
    private static final Instant T0 = Instant.parse("2026-11-26T10:15:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);

    private static final ContactReceived RECEIVED = new ContactReceived(
            ID,
            Channel.WEB,
            "BL-2026-000100",
            new ReportDetails(
                    ReportCategory.CRIMINAL_DAMAGE,
                    "Graffiti on the bus shelter",
                    "Station Road",
                    LocalDate.of(2026, 11, 25),
                    null),
            Reporter.anonymous(),
            null,
            T0);
    private static final ContactAssigned ALEX_TOOK_IT =
            new ContactAssigned(ID, Channel.WEB, "alex", Assignment.TAKEN, T1);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    // ---- taking -----------------------------------------------------------------------------

    @Test
    void aHandlerTakesAWaitingContact() {
        fixture.given(RECEIVED)
                .when(new AssignContact(ID, "alex", Assignment.TAKEN, T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ALEX_TOOK_IT);
    }

    @Test
    void aContactCanBeOfferedToAHandler() {
        fixture.given(RECEIVED)
                .when(new AssignContact(ID, "alex", Assignment.OFFERED, T1))
                .expectEvents(new ContactAssigned(ID, Channel.WEB, "alex", Assignment.OFFERED, T1));
    }

    @Test
    void aSecondHandlerIsToldSomeoneElseTookItAndNothingIsRecorded() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, T1))
                .expectException(ContactAlreadyTaken.class)
                .expectExceptionMessage("Another handler took contact " + ID + " first")
                .expectNoEvents();
    }

    @Test
    void takeNextGivesAWaitingContactAsATake() {
        fixture.given(RECEIVED).when(new TakeNextContact(ID, "alex", T1)).expectEvents(ALEX_TOOK_IT);
    }

    @Test
    void takeNextDoesNotGiveAHandlerAContactTheyAlreadyHold() {
        // The queue read model may still show it waiting; it is not the handler's next contact.
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TakeNextContact(ID, "alex", T2))
                .expectException(ContactAlreadyTaken.class)
                .expectNoEvents();
    }

    @Test
    void theSameHandlerTakingItTwiceIsNotAnErrorAndRecordsNothing() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new AssignContact(ID, "alex", Assignment.TAKEN, T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void takingWithoutAHandlerIsRefused() {
        fixture.given(RECEIVED)
                .when(new AssignContact(ID, " ", Assignment.TAKEN, T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aClosedContactCannotBeTaken() {
        fixture.given(RECEIVED, ALEX_TOOK_IT, new ContactClosed(ID, Channel.WEB, "alex", "Crime recorded", T2))
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void theHandlerWhoClosedAContactCannotTakeItAgain() {
        fixture.given(RECEIVED, ALEX_TOOK_IT, new ContactClosed(ID, Channel.WEB, "alex", "Crime recorded", T2))
                .when(new AssignContact(ID, "alex", Assignment.TAKEN, T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void anAbandonedContactCannotBeTaken() {
        fixture.given(RECEIVED, new ContactAbandoned(ID, Channel.WEB, T1))
                .when(new AssignContact(ID, "alex", Assignment.TAKEN, T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    // ---- transferring -----------------------------------------------------------------------

    @Test
    void transferringToAnotherHandlerAssignsItToThem() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", "blake", "Blake knows this address", null, T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new ContactTransferred(ID, Channel.WEB, "alex", "blake", "Blake knows this address", null, T2),
                        new ContactAssigned(ID, Channel.WEB, "blake", Assignment.TRANSFERRED, T2));
    }

    @Test
    void afterATransferTheNewHandlerCanClose() {
        fixture.given(
                        RECEIVED,
                        ALEX_TOOK_IT,
                        new ContactTransferred(ID, Channel.WEB, "alex", "blake", "Blake knows this address", null, T2),
                        new ContactAssigned(ID, Channel.WEB, "blake", Assignment.TRANSFERRED, T2))
                .when(new CloseContact(ID, "blake", "Crime recorded", T3))
                .expectEvents(new ContactClosed(ID, Channel.WEB, "blake", "Crime recorded", T3));
    }

    @Test
    void afterATransferTheFormerHandlerCanNoLongerClose() {
        fixture.given(
                        RECEIVED,
                        ALEX_TOOK_IT,
                        new ContactTransferred(ID, Channel.WEB, "alex", "blake", "Blake knows this address", null, T2),
                        new ContactAssigned(ID, Channel.WEB, "blake", Assignment.TRANSFERRED, T2))
                .when(new CloseContact(ID, "alex", "Crime recorded", T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void transferringBackToTheQueueOnlyRecordsTheTransfer() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", null, "End of my shift", null, T2))
                .expectEvents(new ContactTransferred(ID, Channel.WEB, "alex", null, "End of my shift", null, T2));
    }

    @Test
    void goingBackToTheQueueMayAskForASkillButATransferToAHandlerMayNot() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", null, "Needs a Welsh speaker", "WELSH", T2))
                .expectEvents(
                        new ContactTransferred(ID, Channel.WEB, "alex", null, "Needs a Welsh speaker", "WELSH", T2));
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", "blake", "Needs a Welsh speaker", "WELSH", T2))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aContactTransferredBackToTheQueueCanBeTakenAgain() {
        fixture.given(
                        RECEIVED,
                        ALEX_TOOK_IT,
                        new ContactTransferred(ID, Channel.WEB, "alex", null, "End of my shift", null, T2))
                .when(new AssignContact(ID, "blake", Assignment.TAKEN, T3))
                .expectEvents(new ContactAssigned(ID, Channel.WEB, "blake", Assignment.TAKEN, T3));
    }

    @Test
    void aContactTransferredBackToTheQueueCannotBeClosedByItsFormerHandler() {
        fixture.given(
                        RECEIVED,
                        ALEX_TOOK_IT,
                        new ContactTransferred(ID, Channel.WEB, "alex", null, "End of my shift", null, T2))
                .when(new CloseContact(ID, "alex", "Done", T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aTransferWithoutANoteIsRefused() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", "blake", null, null, T2))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aTransferWithABlankNoteIsRefused() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", null, "  ", null, T2))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheAssignedHandlerCanTransfer() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "blake", "casey", "Casey is free", null, T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aWaitingContactCannotBeTransferred() {
        fixture.given(RECEIVED)
                .when(new TransferContact(ID, "alex", "blake", "Over to you", null, T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aTransferToABlankHandlerIsRefused() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", "  ", "Over to you", null, T2))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aHandlerCannotTransferToThemselves() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TransferContact(ID, "alex", "alex", "To me", null, T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aClosedContactCannotBeTransferred() {
        fixture.given(RECEIVED, ALEX_TOOK_IT, new ContactClosed(ID, Channel.WEB, "alex", "Crime recorded", T2))
                .when(new TransferContact(ID, "alex", "blake", "Please reopen", null, T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    // ---- closing ----------------------------------------------------------------------------

    @Test
    void theAssignedHandlerClosesTheContact() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new CloseContact(ID, "alex", "Crime recorded", T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactClosed(ID, Channel.WEB, "alex", "Crime recorded", T2));
    }

    @Test
    void onlyTheAssignedHandlerCanClose() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new CloseContact(ID, "blake", "Crime recorded", T2))
                .expectException(ContactRefused.class)
                .expectExceptionMessage("Only the handler working this contact can close it")
                .expectNoEvents();
    }

    @Test
    void closingTwiceRecordsNothingTheSecondTime() {
        fixture.given(RECEIVED, ALEX_TOOK_IT, new ContactClosed(ID, Channel.WEB, "alex", "Crime recorded", T2))
                .when(new CloseContact(ID, "alex", "Crime recorded", T3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void closingAWaitingContactIsRefused() {
        fixture.given(RECEIVED)
                .when(new CloseContact(ID, "alex", "Crime recorded", T1))
                .expectException(ContactRefused.class)
                .expectExceptionMessage("Take the contact before closing it")
                .expectNoEvents();
    }

    @Test
    void closingAnAbandonedContactIsRefused() {
        fixture.given(RECEIVED, new ContactAbandoned(ID, Channel.WEB, T1))
                .when(new CloseContact(ID, "alex", "Crime recorded", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void takeTransferTakeAndCloseAsCommands() {
        fixture.given(RECEIVED)
                .andGivenCommands(
                        new AssignContact(ID, "alex", Assignment.TAKEN, T1),
                        new TransferContact(ID, "alex", null, "End of my shift", null, T2),
                        new AssignContact(ID, "blake", Assignment.TAKEN, T3))
                .when(new CloseContact(ID, "blake", "Crime recorded", T3))
                .expectEvents(new ContactClosed(ID, Channel.WEB, "blake", "Crime recorded", T3));
    }
}
