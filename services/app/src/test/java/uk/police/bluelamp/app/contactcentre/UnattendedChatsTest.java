package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.ChatStompTest.Chat;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/**
 * Chats nobody can answer end: a citizen gone past the grace period (three minutes), and an active
 * chat where nobody writes after the idle warning. Rather than wait minutes, a test moves the
 * moment a citizen was last seen, or the chat last written in, into the past, and the check
 * (every five seconds, on every node) acts on it as it would once that time had passed.
 */
class UnattendedChatsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private ClusterNodes nodes;

    @Test
    void theServerSendsAndExpectsHeartBeatsSoASilentSocketIsNoticed() throws Exception {
        try (Stomp citizen = Stomp.citizen(port)) {
            assertThat(citizen.serverHeartBeat()).isEqualTo("10000,10000");
        }
    }

    @Test
    void aWaitingChatWhoseCitizenLeftIsAbandonedAndLeavesTheQueueWhileAConnectedOneStays() throws Exception {
        StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        long abandonedBefore = abandonedChatsToday(supervisor);
        Chat connected = ChatStompTest.startChat(port, "Casey");
        Chat left = ChatStompTest.startChat(port, "Lee");
        try (Stomp casey = Stomp.citizen(port)) {
            casey.subscribe("/topic/chat." + connected.contactId(), connected.token());
            try (Stomp lee = Stomp.citizen(port)) {
                lee.subscribe("/topic/chat." + left.contactId(), left.token());
            }
            await().atMost(WAIT).until(() -> sockets(left) == 0);
            seenLongAgo(connected);
            seenLongAgo(left);

            await().atMost(WAIT).until(() -> !waiting(supervisor, left));
            assertThat(waiting(supervisor, connected))
                    .as("still connected, however long ago last seen")
                    .isTrue();
            // At least: chats other tests of this context left unattended may end in the meantime.
            assertThat(abandonedChatsToday(supervisor)).isGreaterThanOrEqualTo(abandonedBefore + 1);
            // The chat's own view is another projection than the queue's, and may trail it.
            JsonNode view = await().atMost(WAIT)
                    .until(
                            () -> citizenView(left),
                            v -> v.path("state").asText().equals("ABANDONED"));
            assertThat(view.path("endReason").asText()).isEqualTo("CITIZEN_LEFT");
        }
    }

    @Test
    void aConnectedCitizenTakenForGoneByAnotherNodeIsPutBackAndTheirChatStays() throws Exception {
        StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        Chat connected = ChatStompTest.startChat(port, "Sam");
        // Nobody ever connects to this one: once it leaves the queue, a check has run since.
        Chat witness = ChatStompTest.startChat(port, "Jo");
        try (Stomp sam = Stomp.citizen(port)) {
            sam.subscribe("/topic/chat." + connected.contactId(), connected.token());
            // What another node does when this one misses its heartbeats for a while (a long pause).
            jdbc.sql("delete from citizen_socket where contact_id = :chat")
                    .param("chat", connected.contactId())
                    .update();
            await().atMost(WAIT).until(() -> sockets(connected) == 1);
            seenLongAgo(connected);
            seenLongAgo(witness);

            await().atMost(WAIT).until(() -> !waiting(supervisor, witness));
            assertThat(waiting(supervisor, connected))
                    .as("still connected to this node, whatever another node took it for")
                    .isTrue();
        }
    }

    @Test
    void aSignedInSocketHoldingACitizensChatTokenLeavesAsTheCitizenWould() throws Exception {
        Chat chat = ChatStompTest.startChat(port, "Kit");
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        try (Stomp socket = Stomp.staff(port, auditor)) {
            socket.subscribe("/topic/chat." + chat.contactId(), chat.token());
            assertThat(sockets(chat))
                    .as("the citizen is there while the socket is open")
                    .isEqualTo(1);
        }
        await().atMost(WAIT).until(() -> sockets(chat) == 0);
    }

    @Test
    void aSocketThisNodeNoLongerHoldsCountsAsClosedAtTheNextCheck() {
        StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        Chat chat = ChatStompTest.startChat(port, "Ali");
        // Left by an earlier run under the same node id, or put back just as its socket closed.
        jdbc.sql("""
                        insert into citizen_socket (node_id, socket_id, contact_id, opened_at)
                        values (:node, 'a-socket-closed-long-ago', :chat, now() - interval '1 minute')""")
                .param("node", nodes.nodeId())
                .param("chat", chat.contactId())
                .update();
        await().atMost(WAIT).until(() -> sockets(chat) == 0);
        assertThat(waiting(supervisor, chat))
                .as("the grace period starts when the socket is found closed")
                .isTrue();
        seenLongAgo(chat);
        await().atMost(WAIT).until(() -> !waiting(supervisor, chat));
    }

    @Test
    void aChatWhoseCitizensNodeDiedIsEndedAfterTheGracePeriod() {
        StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        Chat chat = ChatStompTest.startChat(port, "Nico");
        jdbc.sql("""
                insert into citizen_socket (node_id, socket_id, contact_id, opened_at)
                values ('a-node-that-died', 'socket-1', :chat, now())""").param("chat", chat.contactId()).update();
        await().atMost(WAIT).until(() -> sockets(chat) == 0);
        assertThat(waiting(supervisor, chat))
                .as("the grace period starts when the node is found dead")
                .isTrue();
        seenLongAgo(chat);
        await().atMost(WAIT).until(() -> !waiting(supervisor, chat));
        // The queue and the chat's own view are two projections: the second may trail the first.
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(citizenView(chat).path("state").asText()).isEqualTo("ABANDONED"));
    }

    @Test
    void anIdleChatWarnsBothSidesAndClosesWhenStillNobodyWrites() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        Chat chat = ChatStompTest.startChat(port, "Kim");
        ChatStompTest.take(handler, chat);
        String topic = "/topic/chat." + chat.contactId();
        try (Stomp citizen = Stomp.citizen(port);
                Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox atCitizen = citizen.subscribe(topic, chat.token());
            Stomp.Inbox atHandler = console.subscribe(topic, null);
            // The times moved below are the chat read model's: wait for it to have them.
            await().atMost(WAIT).until(() -> readModelHas(chat, "last_activity_at is not null"));

            quietFor(chat, "11 minutes");
            atCitizen.await(m -> m.path("type").asText().equals("idle-warning"), WAIT);
            atHandler.await(m -> m.path("type").asText().equals("idle-warning"), WAIT);
            await().atMost(WAIT).until(() -> readModelHas(chat, "idle_warned_at is not null"));
            assertThat(citizenView(chat).path("idleClosesAt").asText()).matches("\\d{4}-.*Z");

            citizen.send(
                    topic.replace("/topic/", "/app/") + ".send",
                    chat.token(),
                    Map.of("clientMessageId", "k-1", "text", "Sorry, still here"));
            atHandler.await(m -> m.path("type").asText().equals("message"), WAIT);
            await().atMost(WAIT).until(() -> readModelHas(chat, "last_activity_at > idle_warned_at"));
            JsonNode noLongerClosing = citizenView(chat).path("idleClosesAt");
            assertThat(noLongerClosing.isNull() || noLongerClosing.isMissingNode())
                    .as("someone wrote: the chat no longer closes")
                    .isTrue();

            quietFor(chat, "11 minutes");
            atCitizen.await(m -> m.path("type").asText().equals("idle-warning"), WAIT);
            await().atMost(WAIT).until(() -> readModelHas(chat, "idle_warned_at > last_activity_at"));
            quietFor(chat, "6 minutes");
            JsonNode ended = atCitizen.await(m -> m.path("state").asText().equals("ENDED"), WAIT);
            assertThat(ended.path("endReason").asText()).isEqualTo("IDLE");
            assertThat(atHandler
                            .await(m -> m.path("state").asText().equals("ENDED"), WAIT)
                            .path("endReason")
                            .asText())
                    .isEqualTo("IDLE");
        }
    }

    /** As if this much time had passed since anything last happened in the chat. */
    private void quietFor(Chat chat, String interval) {
        jdbc.sql("""
                update chat_session set last_activity_at = last_activity_at - cast(:quiet as interval),
                    idle_warned_at = idle_warned_at - cast(:quiet as interval)
                where contact_id = :chat""").param("quiet", interval).param("chat", chat.contactId()).update();
    }

    private boolean readModelHas(Chat chat, String condition) {
        return jdbc.sql("select count(*) from chat_session where contact_id = :chat and " + condition)
                        .param("chat", chat.contactId())
                        .query(Long.class)
                        .single()
                == 1;
    }

    private static boolean waiting(StaffSession supervisor, Chat chat) {
        return supervisor.get("/api/v1/staff/queues").body().contains("\"" + chat.contactId() + "\"");
    }

    private long sockets(Chat chat) {
        return jdbc.sql("select count(*) from citizen_socket where contact_id = :chat")
                .param("chat", chat.contactId())
                .query(Long.class)
                .single();
    }

    private void seenLongAgo(Chat chat) {
        jdbc.sql("""
                insert into citizen_seen (contact_id, seen_at) values (:chat, now() - interval '1 hour')
                on conflict (contact_id) do update set seen_at = excluded.seen_at""").param("chat", chat.contactId()).update();
    }

    private JsonNode citizenView(Chat chat) {
        StaffSession citizen = new StaffSession(port);
        HttpRequest view = HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chat.contactId()))
                .header("X-Chat-Token", chat.token())
                .GET()
                .build();
        return StaffSession.json(citizen.send(view));
    }

    private static long abandonedChatsToday(StaffSession supervisor) {
        for (JsonNode channel : StaffSession.json(supervisor.get("/api/v1/staff/supervisor/stats"))
                .path("channels")) {
            if (channel.path("channel").asText().equals("CHAT")) {
                return channel.path("abandonedToday").asLong();
            }
        }
        throw new AssertionError("no CHAT figures");
    }
}
