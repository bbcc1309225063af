package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.command.AttachEvidence;
import uk.police.bluelamp.messages.contact.command.PostChatMessage;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.EvidenceAttached;

/** Files in a live chat: numbered with its messages, sent only by its two sides while it is open. */
class ChatEvidenceTest {

    private static final String ID = "chat-1";
    private static final Instant T0 = Instant.parse("2026-11-26T10:15:00Z");
    private static final Instant T1 = T0.plusSeconds(30);
    private static final Instant T2 = T0.plusSeconds(60);
    private static final String SHA = "a".repeat(64);

    private static final ChatStarted STARTED = new ChatStarted(ID, "Sam", "Noisy neighbours", "hash-abc", T0);
    private static final ContactAssigned TAKEN_BY_ALEX =
            new ContactAssigned(ID, Channel.CHAT, "alex", Assignment.TAKEN, T1);
    private static final ChatMessagePosted FIRST =
            new ChatMessagePosted(ID, 1, ChatAuthor.CITIZEN, "Sam", "m-1", "Hello", T1);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    private static AttachEvidence file(ChatAuthor author, String name) {
        return new AttachEvidence(ID, "ev-1", author, name, "photo.jpg", "image/jpeg", 2048, SHA, T2);
    }

    @Test
    void aFileTakesTheNextSeqAndRecordsItsHash() {
        fixture.given(STARTED, TAKEN_BY_ALEX, FIRST)
                .when(file(ChatAuthor.CITIZEN, "Sam"))
                .expectEvents(new EvidenceAttached(
                        ID, "ev-1", 2, ChatAuthor.CITIZEN, "Sam", "photo.jpg", "image/jpeg", 2048, SHA, T2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aMessageAfterAFileIsNumberedAfterIt() {
        fixture.given(
                        STARTED,
                        new EvidenceAttached(
                                ID, "ev-1", 1, ChatAuthor.CITIZEN, "Sam", "photo.jpg", "image/jpeg", 2048, SHA, T1))
                .when(new PostChatMessage(ID, ChatAuthor.CITIZEN, "Sam", "m-2", "That is the photo", T2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theHandlerWorkingTheChatSendsFilesAndNoOtherHandlerDoes() {
        fixture.given(STARTED, TAKEN_BY_ALEX)
                .when(file(ChatAuthor.HANDLER, "alex"))
                .expectResultMessagePayload(1L);
        fixture.given(STARTED, TAKEN_BY_ALEX)
                .when(file(ChatAuthor.HANDLER, "blake"))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void anEndedChatTakesNoFile() {
        fixture.given(STARTED, TAKEN_BY_ALEX, new ChatEnded(ID, ChatAuthor.CITIZEN, "citizen", T1))
                .when(file(ChatAuthor.CITIZEN, "Sam"))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void onlyAChatTakesFilesThisWay() {
        fixture.given(new ContactReceived(ID, Channel.WEB, "BL-2026-000001", null, null, null, T0))
                .when(file(ChatAuthor.CITIZEN, "Sam"))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }
}
