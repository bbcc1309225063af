package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.command.RecordChatTranscriptSent;
import uk.police.bluelamp.messages.contact.command.RequestChatTranscript;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptRequested;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptSent;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactReceived;

/** A copy of a chat by email: asked for by its citizen a few times at most, recorded as sent once. */
class ChatTranscriptRequestTest {

    private static final String ID = "chat-1";
    private static final Instant T0 = Instant.parse("2026-11-26T10:15:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static final ChatStarted STARTED = new ChatStarted(ID, "Sam", "Noisy neighbours", "hash", T0);
    private static final ContactAssigned TAKEN = new ContactAssigned(ID, Channel.CHAT, "alex", Assignment.TAKEN, T0);
    private static final ChatMessagePosted FIRST =
            new ChatMessagePosted(ID, 1, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello", T0);
    private static final ChatMessagePosted SECOND =
            new ChatMessagePosted(ID, 2, ChatAuthor.HANDLER, "alex", "m-2", "Hi Sam", T0);
    private static final ChatEnded ENDED = new ChatEnded(ID, ChatAuthor.HANDLER, "alex", T0);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    private static ChatTranscriptRequested requested(String requestId) {
        return new ChatTranscriptRequested(ID, requestId, "sam@example.com", 2, T1);
    }

    @Test
    void aRequestAfterTheChatEndedCoversEveryMessageSoFar() {
        fixture.given(STARTED, TAKEN, FIRST, SECOND, ENDED)
                .when(new RequestChatTranscript(ID, "r-1", "sam@example.com", T1))
                .expectEvents(requested("r-1"));
    }

    @Test
    void aChatWithNothingSaidHasNothingToSend() {
        fixture.given(STARTED)
                .when(new RequestChatTranscript(ID, "r-1", "sam@example.com", T1))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void threeCopiesAtMostAndTheSameRequestTwiceIsOne() {
        fixture.given(STARTED, FIRST, SECOND, requested("r-1"), requested("r-2"))
                .when(new RequestChatTranscript(ID, "r-2", "sam@example.com", T1))
                .expectNoEvents();
        fixture.given(STARTED, FIRST, SECOND, requested("r-1"), requested("r-2"), requested("r-3"))
                .when(new RequestChatTranscript(ID, "r-4", "sam@example.com", T1))
                .expectExceptionMessage(
                        "A copy of this conversation has been sent 3 times already. No more" + " copies can be sent")
                .expectNoEvents();
    }

    @Test
    void onlyAChatHasATranscript() {
        fixture.given(new ContactReceived(ID, Channel.WEB, null, null, null, null, T0))
                .when(new RequestChatTranscript(ID, "r-1", "sam@example.com", T1))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void aCopyIsRecordedAsSentOnceAndOnlyForARequestMade() {
        ChatTranscriptSent sent = new ChatTranscriptSent(ID, "r-1", "notify-1", T1);
        fixture.given(STARTED, FIRST, SECOND, requested("r-1"))
                .when(new RecordChatTranscriptSent(ID, "r-1", "notify-1", T1))
                .expectEvents(sent);
        fixture.given(STARTED, FIRST, SECOND, requested("r-1"), sent)
                .when(new RecordChatTranscriptSent(ID, "r-1", "notify-2", T1))
                .expectNoEvents();
        fixture.given(STARTED, FIRST, SECOND)
                .when(new RecordChatTranscriptSent(ID, "r-9", "notify-1", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
