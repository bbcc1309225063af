package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ChatEndReason;
import uk.police.bluelamp.messages.contact.command.EndChat;
import uk.police.bluelamp.messages.contact.command.PostChatMessage;
import uk.police.bluelamp.messages.contact.command.WarnIdleChat;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatIdleWarned;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;

/** A chat whose citizen has gone, or where nobody writes, ends; one where someone writes does not. */
class UnattendedChatTest {

    private static final String ID = "chat-9";
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant WARNED_AT = T0.plusSeconds(600);
    private static final Instant CLOSES_AT = WARNED_AT.plusSeconds(300);

    private static final ChatStarted STARTED = new ChatStarted(ID, "Sam", "Noisy neighbours", "hash", T0);
    private static final ContactAssigned TAKEN = new ContactAssigned(ID, Channel.CHAT, "alex", Assignment.TAKEN, T0);
    private static final ChatIdleWarned WARNED = new ChatIdleWarned(ID, CLOSES_AT, WARNED_AT);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    private static EndChat endedBySystem(ChatEndReason why, Instant at) {
        return new EndChat(ID, ChatAuthor.SYSTEM, "system", at, why);
    }

    @Test
    void aWaitingChatWhoseCitizenLeftIsAbandonedAndLeavesTheQueue() {
        fixture.given(STARTED)
                .when(endedBySystem(ChatEndReason.CITIZEN_LEFT, T0.plusSeconds(200)))
                .expectEvents(
                        new ContactAbandoned(ID, Channel.CHAT, T0.plusSeconds(200)),
                        new ChatEnded(
                                ID, ChatAuthor.SYSTEM, "system", T0.plusSeconds(200), ChatEndReason.CITIZEN_LEFT));
    }

    @Test
    void anActiveChatWhoseCitizenLeftEndsForTheHandlerToClose() {
        fixture.given(STARTED, TAKEN)
                .when(endedBySystem(ChatEndReason.CITIZEN_LEFT, T0.plusSeconds(200)))
                .expectEvents(new ChatEnded(
                        ID, ChatAuthor.SYSTEM, "system", T0.plusSeconds(200), ChatEndReason.CITIZEN_LEFT));
    }

    @Test
    void anIdleActiveChatIsWarnedOnce() {
        fixture.given(STARTED, TAKEN)
                .when(new WarnIdleChat(ID, CLOSES_AT, WARNED_AT))
                .expectEvents(WARNED);
        fixture.given(STARTED, TAKEN, WARNED)
                .when(new WarnIdleChat(ID, CLOSES_AT.plusSeconds(5), WARNED_AT.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    void aWaitingChatIsNeverWarnedAsIdle() {
        fixture.given(STARTED).when(new WarnIdleChat(ID, CLOSES_AT, WARNED_AT)).expectNoEvents();
    }

    @Test
    void aWarnedChatWhereNobodyWroteCloses() {
        fixture.given(STARTED, TAKEN, WARNED)
                .when(endedBySystem(ChatEndReason.IDLE, CLOSES_AT))
                .expectEvents(new ChatEnded(ID, ChatAuthor.SYSTEM, "system", CLOSES_AT, ChatEndReason.IDLE));
    }

    @Test
    void aMessageAfterTheWarningKeepsTheChatOpenHoweverLateTheCheckComes() {
        ChatMessagePosted reply =
                new ChatMessagePosted(ID, 1, ChatAuthor.CITIZEN, "Sam", "m-1", "Still here", WARNED_AT.plusSeconds(60));
        fixture.given(STARTED, TAKEN, WARNED, reply)
                .when(endedBySystem(ChatEndReason.IDLE, CLOSES_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChatNeverWarnedIsNotClosedAsIdle() {
        fixture.given(STARTED, TAKEN)
                .when(endedBySystem(ChatEndReason.IDLE, CLOSES_AT))
                .expectNoEvents();
    }

    @Test
    void onlyTheCitizenOrTheHandlerCanAskToEndAChat() {
        fixture.given(STARTED, TAKEN)
                .when(new EndChat(ID, ChatAuthor.SYSTEM, "system", CLOSES_AT))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void nobodyWritesAsTheSystem() {
        fixture.given(STARTED, TAKEN)
                .when(new PostChatMessage(ID, ChatAuthor.SYSTEM, "system", "m-1", "Closing soon", WARNED_AT))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aChatAlreadyEndedIsNotEndedAgainByASecondNode() {
        fixture.given(
                        STARTED,
                        new ContactAbandoned(ID, Channel.CHAT, CLOSES_AT),
                        new ChatEnded(ID, ChatAuthor.SYSTEM, "system", CLOSES_AT, ChatEndReason.CITIZEN_LEFT))
                .when(endedBySystem(ChatEndReason.CITIZEN_LEFT, CLOSES_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
