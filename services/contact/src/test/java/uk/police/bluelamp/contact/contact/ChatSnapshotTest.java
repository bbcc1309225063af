package uk.police.bluelamp.contact.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.command.PostChatMessage;
import uk.police.bluelamp.messages.contact.command.StartChat;

/**
 * A long chat loads from a snapshot of its Contact and the messages after it, and goes on as if
 * it had read them all: numbering continues and resends are still recognised (docs/adr/0047).
 */
class ChatSnapshotTest extends ContactIntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore eventStore;

    @Test
    void aChatGoesOnFromItsSnapshotAsFromItsWholeHistory() {
        String chat = UUID.randomUUID().toString();
        commands.sendAndWait(new StartChat(chat, "Sam", "Noisy neighbours", "hash-" + chat, now()));
        for (int i = 1; i <= 60; i++) {
            commands.sendAndWait(post(chat, "m-" + i));
        }
        await().until(() -> jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = :c")
                        .param("c", chat)
                        .query(Long.class)
                        .single()
                > 0);

        assertThat(eventStore.readEvents(chat).peek().getPayload())
                .as("what a command loads the chat from")
                .isInstanceOf(Contact.class);

        long next = commands.sendAndWait(post(chat, "m-61"));
        long resent = commands.sendAndWait(post(chat, "m-30"));

        assertThat(next).isEqualTo(61);
        assertThat(resent).as("a message from before the snapshot, recognised").isEqualTo(30);
    }

    private static PostChatMessage post(String chat, String clientMessageId) {
        return new PostChatMessage(
                chat, ChatAuthor.CITIZEN, "Sam", clientMessageId, "Still loud " + clientMessageId, now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
