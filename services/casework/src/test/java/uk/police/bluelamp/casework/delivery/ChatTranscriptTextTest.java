package uk.police.bluelamp.casework.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;

class ChatTranscriptTextTest {

    private static final Instant LATE = Instant.parse("2026-07-01T22:58:00Z"); // 23:58 in London (BST)

    private static ChatMessagePosted message(long seq, ChatAuthor author, String name, String text, Instant at) {
        return new ChatMessagePosted("c-1", seq, author, name, "m-" + seq, text, at);
    }

    @Test
    void theCitizenReadsTheMessagesUpToTheirRequestAsTheySawThemAndNothingElse() {
        List<Object> history = List.of(
                new ContactAssigned("c-1", Channel.CHAT, "alex", Assignment.TAKEN, LATE),
                message(1, ChatAuthor.CITIZEN, "Sam", "Hello", LATE),
                new ContactTransferred("c-1", Channel.CHAT, "alex", null, "Internal: known caller", null, LATE),
                message(2, ChatAuthor.HANDLER, "alex", "Hi, I'm Alex", LATE.plusSeconds(240)),
                message(3, ChatAuthor.HANDLER, null, "Anything else?", LATE.plusSeconds(300)),
                message(4, ChatAuthor.CITIZEN, "Sam", "Written after asking", LATE.plusSeconds(360)));

        // The citizen saw alex as "Alex (call handler)", and a message without a name as the neutral title.
        UnaryOperator<String> shown = login -> "alex".equals(login) ? "Alex (call handler)" : "Call handler";
        assertThat(ChatTranscriptText.of(history, 3, shown)).isEqualTo("""
                        You (23:58):
                        Hello

                        2 July 2026

                        Alex (call handler) (0:02):
                        Hi, I'm Alex

                        Call handler (0:03):
                        Anything else?""");
    }

    @Test
    void aChatTooLongForOneEmailIsCutAndSaysSo() {
        String long1 = "a".repeat(ChatTranscriptText.MOST_CHARACTERS / 2);
        List<Object> history = List.of(
                message(1, ChatAuthor.CITIZEN, "Sam", long1, LATE),
                message(2, ChatAuthor.CITIZEN, "Sam", long1, LATE),
                message(3, ChatAuthor.CITIZEN, "Sam", "last", LATE));

        String text = ChatTranscriptText.of(history, 3, login -> "Call handler");
        assertThat(text.length()).isLessThan(ChatTranscriptText.MOST_CHARACTERS);
        assertThat(text).endsWith("The rest of this conversation was too long to send by email.");
    }
}
