package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.contact.queue.QueueSettings;
import uk.police.bluelamp.messages.contact.Channel;

/** What the live console and the supervisor's view show as contacts come and go. */
class ConsoleLiveTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private QueueSettings queues;

    private String startChat(String topic) {
        return StaffSession.json(
                        new StaffSession(port).post("/api/v1/chats", Map.of("topic", topic, "anyoneInDanger", false)))
                .path("contactId")
                .asText();
    }

    @Test
    void theConsoleSeesContactsArriveGetTakenAndGetAbandonedWithoutReloading() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox live = console.subscribe("/topic/queues", null);
            String taken = startChat("Taken one");
            live.await(
                    item -> item.path("contactId").asText().equals(taken)
                            && item.path("state").asText().equals("WAITING"),
                    WAIT);
            handler.post("/api/v1/staff/contacts/" + taken + "/take", null);
            JsonNode assigned = live.await(
                    item -> item.path("contactId").asText().equals(taken)
                            && item.path("state").asText().equals("ASSIGNED"),
                    WAIT);
            assertThat(assigned.path("handler").asText()).isEqualTo("handler");

            new StaffSession(port)
                    .post(
                            "/api/v1/cti/demo-cti-token",
                            Map.of(
                                    "event",
                                    "hangup",
                                    "callId",
                                    "gone-" + System.nanoTime(),
                                    "from",
                                    "07700900999",
                                    "cause",
                                    "cancel"));
            JsonNode abandoned = live.await(item -> item.path("state").asText().equals("ABANDONED"), WAIT);
            assertThat(abandoned.path("channel").asText()).isEqualTo("PHONE");
        }
    }

    @Test
    void withAutoOfferOnAnAvailableHandlerIsOfferedChatsUpToTheirCapacity() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        QueueSettings.ChannelSettings chat = queues.of(Channel.CHAT);
        boolean wasOn = chat.isAutoOffer();
        int capacity = chat.getCapacity();
        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox offers = console.subscribe("/user/queue/offers", null);
            drainChats(handler);
            assertThat(handler.put("/api/v1/staff/availability", Map.of("status", "AVAILABLE"))
                            .statusCode())
                    .isEqualTo(204);
            chat.setCapacity(2);
            chat.setAutoOffer(true);
            String one = startChat("Offer one");
            String two = startChat("Offer two");
            String three = startChat("Offer three");

            JsonNode first = offers.next(WAIT);
            JsonNode second = offers.next(WAIT);
            assertThat(List.of(
                            first.path("contactId").asText(),
                            second.path("contactId").asText()))
                    .containsExactlyInAnyOrder(one, two);
            assertThat(offers.nothingWithin(Duration.ofSeconds(2)))
                    .as("no third chat beyond capacity 2")
                    .isTrue();
            // The third chat's queue row is a read model's, which may trail its start.
            await().atMost(WAIT)
                    .until(() -> jdbc.sql("select count(*) from queue_item where contact_id = :id")
                                    .param("id", three)
                                    .query(Long.class)
                                    .single()
                            == 1);
            assertThat(jdbc.sql("select state from queue_item where contact_id = :id")
                            .param("id", three)
                            .query(String.class)
                            .single())
                    .isEqualTo("WAITING");
        } finally {
            chat.setAutoOffer(wasOn);
            chat.setCapacity(capacity);
            handler.put("/api/v1/staff/availability", Map.of("status", "OFFLINE"));
        }
    }

    @Test
    void theSupervisorSeesWaitsAnsweredAndAbandonedPerChannel() {
        StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        long abandonedBefore = stat(supervisor, "PHONE", "abandonedToday");
        new StaffSession(port)
                .post(
                        "/api/v1/cti/demo-cti-token",
                        Map.of(
                                "event",
                                "hangup",
                                "callId",
                                "stats-" + System.nanoTime(),
                                "from",
                                "07700900998",
                                "cause",
                                "noAnswer"));
        await().until(() -> stat(supervisor, "PHONE", "abandonedToday") == abandonedBefore + 1);

        String chat = startChat("Stats");
        await().until(() -> stat(supervisor, "CHAT", "waiting") >= 1);
        long answeredBefore = stat(supervisor, "CHAT", "answeredToday");
        handler.post("/api/v1/staff/contacts/" + chat + "/take", null);
        await().until(() -> stat(supervisor, "CHAT", "answeredToday") == answeredBefore + 1);

        JsonNode stats = StaffSession.json(supervisor.get("/api/v1/staff/supervisor/stats"));
        assertThat(stats.path("waitsByHour")).isNotEmpty();
        assertThat(stats.path("channels").findValuesAsText("channel"))
                .containsExactly("WEB", "CHAT", "PHONE", "CALLBACK");
        assertThat(handler.get("/api/v1/staff/supervisor/stats").statusCode())
                .as("handlers do not see the supervisor's view")
                .isEqualTo(403);
    }

    private long stat(StaffSession supervisor, String channel, String field) {
        for (JsonNode row : StaffSession.json(supervisor.get("/api/v1/staff/supervisor/stats"))
                .path("channels")) {
            if (row.path("channel").asText().equals(channel)) {
                return row.path(field).asLong();
            }
        }
        throw new AssertionError("no " + channel);
    }

    private void drainChats(StaffSession handler) {
        while (handler.post("/api/v1/staff/queues/CHAT/next", null).statusCode() == 200) {
            handler.post("/api/v1/staff/queues/CHAT/next", null);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
