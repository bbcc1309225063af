package uk.police.bluelamp.contact.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ChatEndReason;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatIdleWarned;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.EvidenceAttached;
import uk.police.bluelamp.platform.testing.TwinTables;

/**
 * Chats written a batch at a time are the rows the projection's statements left one event at a
 * time (kept here as the reference): random runs over a few chats, with changes before the
 * start or for no chat at all, repeated starts, other channels' events, moments out of order and
 * half a microsecond apart, and citizens' names and topics as hostile as the input policy lets
 * through (quotes, braces, backslashes, "NULL", unicode, the longest allowed).
 */
class ChatBatchTest extends ContactIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");
    private static final List<String> TEXTS = List.of(
            "Worried about next door",
            "NULL",
            "{\"a\",b}\\ 'quoted' \"twice\"",
            "Zoë 🚓 ŵ\u200b",
            "T".repeat(200),
            "",
            "Robert'); drop table chat_session;--");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (TwinTables tables = new TwinTables(dataSource, "chat_session")) {
            ChatProjection projection = new ChatProjection(new JdbcTemplate(tables.batched()));
            for (int round = 0; round < 40; round++) {
                List<Object> batch = new ArrayList<>();
                for (int i = random.nextInt(20); i >= 0; i--) {
                    Object event = anyEvent(random);
                    batch.add(event);
                    reference(tables.reference(), event);
                }
                assertThat(tables.handleBatch(projection, batch)).isLessThanOrEqualTo(3);
                assertThat(tables.batchedRows())
                        .as("seed %d, round %d", seed, round)
                        .isEqualTo(tables.referenceRows());
            }
            assertThat(tables.batchedRows().get(0)).as("seed %d", seed).hasSizeGreaterThan(1);
        }
    }

    private static Object anyEvent(Random random) {
        String chat = "chat-" + random.nextInt(6);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        String handler = "handler-" + random.nextInt(3);
        Channel channel = random.nextInt(4) == 0 ? Channel.PHONE : Channel.CHAT;
        String text = TEXTS.get(random.nextInt(TEXTS.size()));
        return switch (random.nextInt(8)) {
            case 0 -> new ChatStarted(chat, random.nextBoolean() ? null : text, text, "hash-" + random.nextInt(9), at);
            case 1 -> new ContactAssigned(chat, channel, random.nextInt(5) == 0 ? null : handler, Assignment.TAKEN, at);
            case 2 -> new ChatMessagePosted(chat, 1, ChatAuthor.CITIZEN, null, "m-1", text, at);
            case 3 -> new EvidenceAttached(chat, "e-1", 2, ChatAuthor.CITIZEN, null, "a.png", "image/png", 1, "00", at);
            case 4 -> new ChatIdleWarned(chat, at.plusSeconds(300), at);
            case 5 -> new ContactTransferred(chat, channel, handler, random.nextBoolean() ? null : "h", null, null, at);
            case 6 -> new ContactAbandoned(chat, channel, at);
            default ->
                new ChatEnded(
                        chat,
                        ChatAuthor.HANDLER,
                        handler,
                        at,
                        random.nextBoolean() ? null : ChatEndReason.values()[random.nextInt(3)]);
        };
    }

    /** The projection's statements as it ran them for each event before it gathered batches. */
    private static void reference(JdbcClient jdbc, Object event) {
        if (event instanceof ChatStarted e) {
            jdbc.sql("""
                    insert into chat_session (contact_id, token_hash, citizen_name, topic, state, started_at)
                    values (:id, :hash, :name, :topic, 'WAITING', :at)
                    on conflict (contact_id) do nothing
                    """)
                    .param("id", e.contactId())
                    .param("hash", e.chatTokenHash())
                    .param("name", e.citizenName())
                    .param("topic", e.topic())
                    .param("at", Timestamp.from(e.at()))
                    .update();
        } else if (event instanceof ContactAssigned e && e.channel() == Channel.CHAT) {
            update(jdbc, e.contactId(), "state = 'ACTIVE', handler = :handler, last_activity_at = :at", e.at())
                    .param("handler", e.handler())
                    .update();
        } else if (event instanceof ChatMessagePosted e) {
            update(jdbc, e.contactId(), "last_activity_at = greatest(last_activity_at, :at)", e.at())
                    .update();
        } else if (event instanceof EvidenceAttached e) {
            update(jdbc, e.contactId(), "last_activity_at = greatest(last_activity_at, :at)", e.at())
                    .update();
        } else if (event instanceof ChatIdleWarned e) {
            update(jdbc, e.contactId(), "idle_warned_at = :at", e.at()).update();
        } else if (event instanceof ContactTransferred e && e.channel() == Channel.CHAT && e.toHandler() == null) {
            update(jdbc, e.contactId(), "state = 'WAITING', handler = null", null)
                    .update();
        } else if (event instanceof ContactAbandoned e && e.channel() == Channel.CHAT) {
            update(jdbc, e.contactId(), "state = 'ABANDONED'", null).update();
        } else if (event instanceof ChatEnded e) {
            update(
                            jdbc,
                            e.contactId(),
                            "end_reason = :reason, state = case when state = 'ABANDONED' then state else 'ENDED' end",
                            null)
                    .param("reason", e.why().name())
                    .update();
        }
    }

    private static JdbcClient.StatementSpec update(JdbcClient jdbc, String contactId, String set, Instant at) {
        JdbcClient.StatementSpec update = jdbc.sql("update chat_session set " + set + " where contact_id = :id")
                .param("id", contactId);
        return at == null ? update : update.param("at", Timestamp.from(at));
    }
}
