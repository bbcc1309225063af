package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.EndChat;
import uk.police.bluelamp.messages.contact.command.PostChatMessage;
import uk.police.bluelamp.messages.contact.command.StartChat;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;

class ChatTest {

    private static final String ID = "chat-1";
    private static final Instant T0 = Instant.parse("2026-11-26T10:15:00Z");
    private static final Instant T1 = T0.plusSeconds(30);
    private static final Instant T2 = T0.plusSeconds(60);
    private static final Instant T3 = T0.plusSeconds(90);

    private static final ChatStarted STARTED = new ChatStarted(ID, "Sam", "Noisy neighbours", "hash-abc", T0);
    private static final ContactAssigned TAKEN_BY_ALEX =
            new ContactAssigned(ID, Channel.CHAT, "alex", Assignment.TAKEN, T1);
    private static final ChatMessagePosted FIRST =
            new ChatMessagePosted(ID, 1, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello, is anyone there?", T1);
    private static final ChatMessagePosted SECOND =
            new ChatMessagePosted(ID, 2, ChatAuthor.HANDLER, "alex", "m-2", "Hi Sam, I'm Alex. How can I help?", T2);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    // ---- starting ---------------------------------------------------------------------------

    @Test
    void aCitizenStartsAChat() {
        fixture.givenNoPriorActivity()
                .when(new StartChat(ID, "Sam", "Noisy neighbours", "hash-abc", T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(STARTED);
    }

    @Test
    void aChatWithoutATopicIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartChat(ID, "Sam", " ", "hash-abc", T0))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aChatWithoutATokenHashIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartChat(ID, "Sam", "Noisy neighbours", null, T0))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // ---- message order and uniqueness -------------------------------------------------------

    @Test
    void theFirstMessageGetsSeqOne() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello, is anyone there?", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(FIRST)
                .expectResultMessagePayload(1L);
    }

    @Test
    void messagesAreNumberedOneTwoThreeWithNoGaps() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, SECOND)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-3", "The music is very loud", T3))
                .expectEvents(
                        new ChatMessagePosted(ID, 3, ChatAuthor.CITIZEN, "Sam", "m-3", "The music is very loud", T3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void messagesPostedOneAfterAnotherAreNumberedInOrder() {
        fixture.givenCommands(
                        new StartChat(ID, "Sam", "Noisy neighbours", "hash-abc", T0),
                        new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello, is anyone there?", T1),
                        new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-2", "Hello?", T2))
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-3", "Still here", T3))
                .expectEvents(new ChatMessagePosted(ID, 3, ChatAuthor.CITIZEN, "Sam", "m-3", "Still here", T3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aRefusedMessageDoesNotUseUpASeq() {
        // the over-long message is refused (nothing stored), so the next one is still seq 2
        fixture.given(STARTED, FIRST)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-2", "x".repeat(2001), T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
        new AggregateTestFixture<>(Contact.class)
                .given(STARTED, FIRST)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-3", "ok", T3))
                .expectEvents(new ChatMessagePosted(ID, 2, ChatAuthor.CITIZEN, "Sam", "m-3", "ok", T3))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aResendWithTheSameClientMessageIdStoresNothingAndReturnsTheOriginalSeq() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, SECOND)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello, is anyone there?", T3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aResendIsRecognisedByItsClientMessageIdEvenIfTheTextDiffers() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, SECOND)
                .when(new PostChatMessage(ID, ChatAuthor.HANDLER, "alex", "m-2", "Hi Sam, I'm Alex.", T3))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    /** The set of ids is bounded so a long chat's snapshot stays small (ADR 0047). */
    @Test
    void aResendIsRecognisedAmongTheLatestMessagesOnly() {
        List<Object> history = new ArrayList<>(List.of(STARTED, TAKEN_BY_ALEX));
        int posted = Contact.RESENDS_RECOGNISED + 1;
        for (int seq = 1; seq <= posted; seq++) {
            history.add(new ChatMessagePosted(ID, seq, ChatAuthor.CITIZEN, "Sam", "m-" + seq, "Message " + seq, T1));
        }
        fixture.given(history)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-2", "Message 2", T3))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        fixture.given(history)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Message 1", T3))
                .expectEvents(
                        new ChatMessagePosted(ID, posted + 1L, ChatAuthor.CITIZEN, "Sam", "m-1", "Message 1", T3));
    }

    @Test
    void aResendArrivingAfterTheChatEndedStillAnswersWithTheStoredSeq() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, SECOND, new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T3))
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello, is anyone there?", T3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aMessageWithoutAClientMessageIdIsRefused() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", null, "Hello", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // ---- message content --------------------------------------------------------------------

    @Test
    void anEmptyMessageIsRefused() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aBlankMessageIsRefused() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "   \n ", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMissingMessageIsRefused() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", null, T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMessageOfExactly2000CharactersIsAccepted() {
        String text = "a".repeat(2000);
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", text, T1))
                .expectEvents(new ChatMessagePosted(ID, 1, ChatAuthor.CITIZEN, "Sam", "m-1", text, T1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aMessageOver2000CharactersIsRefused() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "a".repeat(2001), T1))
                .expectException(ContactRefused.class)
                .expectExceptionMessage("A message must be 2000 characters or fewer")
                .expectNoEvents();
    }

    // ---- who may write ----------------------------------------------------------------------

    @Test
    void aCitizenCanWriteWhileWaitingForAHandler() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello, is anyone there?", T1))
                .expectEvents(FIRST);
    }

    @Test
    void theAssignedHandlerCanWrite() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST)
                .when(new PostChatMessage(
                        ID, ChatAuthor.HANDLER, "alex", "m-2", "Hi Sam, I'm Alex. How can I help?", T2))
                .expectEvents(SECOND)
                .expectResultMessagePayload(2L);
    }

    @Test
    void aHandlerCannotWriteInAChatNobodyHasTaken() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.HANDLER, "blake", "m-2", "Hello", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aHandlerWhoIsNotAssignedCannotWrite() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST)
                .when(new PostChatMessage(ID, ChatAuthor.HANDLER, "blake", "m-2", "Hello", T2))
                .expectException(ContactRefused.class)
                .expectExceptionMessage("Only the handler working this chat can write in it")
                .expectNoEvents();
    }

    @Test
    void aHandlerMessageWithoutAHandlerNameIsRefusedInAChatNobodyHasTaken() {
        fixture.given(STARTED)
                .when(new PostChatMessage(ID, ChatAuthor.HANDLER, null, "m-1", "Hello", T1))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void theFormerHandlerCannotWriteAfterTheChatWasTransferredBackToTheQueue() {
        fixture.given(
                        STARTED,
                        TAKEN_BY_ALEX,
                        FIRST,
                        new ContactTransferred(ID, Channel.CHAT, "alex", null, "Needs a Welsh speaker", null, T2))
                .when(new PostChatMessage(ID, ChatAuthor.HANDLER, "alex", "m-2", "Still me", T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    // ---- after the end ----------------------------------------------------------------------

    @Test
    void aCitizenCannotPostAfterTheChatEnded() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, new ChatEnded(ID, ChatAuthor.HANDLER, "alex", T2))
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-9", "Wait, one more thing", T3))
                .expectException(ContactRefused.class)
                .expectExceptionMessage("This chat has ended")
                .expectNoEvents();
    }

    @Test
    void theHandlerCannotPostAfterTheChatEnded() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T2))
                .when(new PostChatMessage(ID, ChatAuthor.HANDLER, "alex", "m-9", "Are you still there?", T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void nobodyCanPostInAnAbandonedChat() {
        fixture.given(
                        STARTED,
                        new ContactAbandoned(ID, Channel.CHAT, T1),
                        new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T1))
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Sorry, came back", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void nobodyCanPostInAClosedChat() {
        fixture.given(STARTED, TAKEN_BY_ALEX, new ContactClosed(ID, Channel.CHAT, "alex", "Advice given", T2))
                .when(new PostChatMessage(ID, ChatAuthor.HANDLER, "alex", "m-1", "One more thing", T3))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aChatMessageCannotBePostedToAContactFromAnotherChannel() {
        fixture.given(new CallbackRequested(
                        ID, "Sam", "07700900123", "Lost wallet", T0, T0.plusSeconds(3600), T0, null))
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello", T1))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    // ---- ending -----------------------------------------------------------------------------

    @Test
    void aCitizenEndingWhileStillWaitingAbandonsTheContactThenEndsTheChat() {
        fixture.given(STARTED, FIRST)
                .when(new EndChat(ID, ChatAuthor.CITIZEN, "Sam", T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new ContactAbandoned(ID, Channel.CHAT, T2), new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T2));
    }

    @Test
    void aCitizenEndingAChatThatIsBeingWorkedOnlyEndsTheChat() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST)
                .when(new EndChat(ID, ChatAuthor.CITIZEN, "Sam", T2))
                .expectEvents(new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T2));
    }

    @Test
    void theAssignedHandlerCanEndTheChat() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST)
                .when(new EndChat(ID, ChatAuthor.HANDLER, "alex", T2))
                .expectEvents(new ChatEnded(ID, ChatAuthor.HANDLER, "alex", T2));
    }

    @Test
    void anotherHandlerCannotEndTheChat() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST)
                .when(new EndChat(ID, ChatAuthor.HANDLER, "blake", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aHandlerCannotEndAChatNobodyHasTaken() {
        fixture.given(STARTED, FIRST)
                .when(new EndChat(ID, ChatAuthor.HANDLER, "blake", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aHandlerEndWithoutAHandlerNameIsRefusedInAChatNobodyHasTaken() {
        fixture.given(STARTED, FIRST)
                .when(new EndChat(ID, ChatAuthor.HANDLER, null, T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void endingTwiceRecordsNothingTheSecondTime() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T2))
                .when(new EndChat(ID, ChatAuthor.CITIZEN, "Sam", T3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void endingAnAbandonedChatAgainRecordsNothing() {
        fixture.given(
                        STARTED,
                        new ContactAbandoned(ID, Channel.CHAT, T1),
                        new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T1))
                .when(new EndChat(ID, ChatAuthor.CITIZEN, "Sam", T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void endingTwiceInARowThroughCommandsRecordsOnlyOnce() {
        fixture.givenCommands(
                        new StartChat(ID, "Sam", "Noisy neighbours", "hash-abc", T0),
                        new EndChat(ID, ChatAuthor.CITIZEN, "Sam", T1))
                .when(new EndChat(ID, ChatAuthor.CITIZEN, "Sam", T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEndedChatCanStillBeClosedByItsHandler() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST, new ChatEnded(ID, ChatAuthor.CITIZEN, "Sam", T2))
                .when(new CloseContact(ID, "alex", "Advice given", T3))
                .expectEvents(new ContactClosed(ID, Channel.CHAT, "alex", "Advice given", T3));
    }
}
