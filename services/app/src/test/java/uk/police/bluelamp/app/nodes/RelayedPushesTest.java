package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;
import uk.police.bluelamp.app.servers.RabbitMq;
import uk.police.bluelamp.contact.queue.QueueSettings;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * Two nodes sharing the database and a real RabbitMQ through the STOMP relay, as deployed:
 * a push to a handler reaches every console they have open, on whichever node, and a broker
 * outage costs live pushes only, never a citizen's answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayedPushesTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CTI = "/api/v1/cti/demo-cti-token";

    @Autowired
    private DataSource database;

    private RabbitMq rabbitMq;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private int portA;
    private int portB;

    @BeforeAll
    void startTheBrokerAndTwoNodes() throws Exception {
        rabbitMq = new RabbitMq();
        nodeA = relayedNode();
        nodeB = relayedNode();
        portA = ((WebServerApplicationContext) nodeA).getWebServer().getPort();
        portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    }

    @AfterAll
    void stopThem() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (rabbitMq != null) {
            rabbitMq.close();
        }
    }

    @Test
    void aHandlerConnectedOnlyOnTheOtherNodeGetsTheScreenPop() throws Exception {
        StaffSession handler = StaffSession.signedIn(portB, "handler", "blue-lamp-handler");
        try (Stomp console = Stomp.staff(portB, handler)) {
            Stomp.Inbox pops = console.subscribe("/user/queue/screen-pop", null);
            String callId = answerACallOn(portA);
            assertThat(pops.await(pop -> pop.path("callId").asText().equals(callId), WAIT))
                    .isNotNull();
            assertThat(pops.nothingWithin(Duration.ofSeconds(1)))
                    .as("one copy per console")
                    .isTrue();
        }
    }

    @Test
    void aHandlerWithConsolesOnBothNodesGetsTheScreenPopOnEach() throws Exception {
        StaffSession onA = StaffSession.signedIn(portA, "handler", "blue-lamp-handler");
        StaffSession onB = StaffSession.signedIn(portB, "handler", "blue-lamp-handler");
        StaffSession secondOnB = StaffSession.signedIn(portB, "handler", "blue-lamp-handler");
        try (Stomp consoleA = Stomp.staff(portA, onA);
                Stomp consoleB = Stomp.staff(portB, onB);
                Stomp secondConsoleB = Stomp.staff(portB, secondOnB)) {
            List<Stomp.Inbox> pops = List.of(
                    consoleA.subscribe("/user/queue/screen-pop", null),
                    consoleB.subscribe("/user/queue/screen-pop", null),
                    secondConsoleB.subscribe("/user/queue/screen-pop", null));
            String callId = answerACallOn(portA);
            for (Stomp.Inbox inbox : pops) {
                assertThat(inbox.await(pop -> pop.path("callId").asText().equals(callId), WAIT))
                        .isNotNull();
                assertThat(inbox.nothingWithin(Duration.ofMillis(300)))
                        .as("one copy per console")
                        .isTrue();
            }
        }
    }

    /** Only node A offers (auto-offer is a node's setting here), so the offer must cross to B. */
    @Test
    void anAutomaticOfferMadeOnOneNodeReachesTheHandlersConsolesOnBoth() throws Exception {
        StaffSession onA = StaffSession.signedIn(portA, "handler", "blue-lamp-handler");
        StaffSession onB = StaffSession.signedIn(portB, "handler", "blue-lamp-handler");
        QueueSettings.ChannelSettings chatOnA =
                nodeA.getBean(QueueSettings.class).of(Channel.CHAT);
        int capacity = chatOnA.getCapacity();
        try (Stomp consoleA = Stomp.staff(portA, onA);
                Stomp consoleB = Stomp.staff(portB, onB)) {
            Stomp.Inbox offersA = consoleA.subscribe("/user/queue/offers", null);
            Stomp.Inbox offersB = consoleB.subscribe("/user/queue/offers", null);
            new StaffSession(portA)
                    .post("/api/v1/chats", Map.of("topic", "Offered across nodes", "anyoneInDanger", false));
            long working = jdbc.sql("""
                    select count(*) from queue_item where handler = 'handler' and state = 'ASSIGNED' and channel = 'CHAT'
                    """).query(Long.class).single();
            chatOnA.setCapacity((int) working + 1);
            chatOnA.setAutoOffer(true);
            assertThat(onB.put("/api/v1/staff/availability", Map.of("status", "AVAILABLE"))
                            .statusCode())
                    .isEqualTo(204);

            JsonNode offeredOnB = offersB.await(offer -> true, WAIT);
            JsonNode offeredOnA = offersA.await(offer -> true, WAIT);
            assertThat(offeredOnA.path("contactId").asText())
                    .isEqualTo(offeredOnB.path("contactId").asText());
            // The queue read model trails the offer by a moment.
            await().atMost(WAIT)
                    .until(() -> "handler"
                            .equals(jdbc.sql("select handler from queue_item where contact_id = :id")
                                    .param("id", offeredOnB.path("contactId").asText())
                                    .query(String.class)
                                    .optional()
                                    .orElse(null)));
        } finally {
            chatOnA.setAutoOffer(false);
            chatOnA.setCapacity(capacity);
            onB.put("/api/v1/staff/availability", Map.of("status", "OFFLINE"));
        }
    }

    @Test
    void withTheBrokerDownCommandsStillAnswerAndPushesResumeWhenItReturns() throws Exception {
        StaffSession handler = StaffSession.signedIn(portB, "handler", "blue-lamp-handler");
        long opened = countEvents("CaseOpened");
        List<String> references = new ArrayList<>();
        Stomp console = Stomp.staff(portB, handler);
        Stomp.Inbox pops = console.subscribe("/user/queue/screen-pop", null);
        references.add(reportOn(portA));
        String before = answerACallOn(portA);
        pops.await(pop -> pop.path("callId").asText().equals(before), WAIT);

        rabbitMq.stop();
        for (int port : new int[] {portA, portB, portA}) {
            references.add(reportOn(port));
            answerACallOn(port);
        }
        rabbitMq.start();
        console.close();
        references.add(reportOn(portB));

        assertThat(references).doesNotHaveDuplicates().allMatch(reference -> reference != null && !reference.isBlank());
        await().atMost(WAIT).until(() -> countEvents("CaseOpened") >= opened + references.size());
        assertThat(countEvents("CaseOpened")).as("each report filed once").isEqualTo(opened + references.size());

        // The relay reconnects on its own; consoles reconnect and subscribe again, as the frontend does.
        awaitTheRelayOn(portA, StaffSession.signedIn(portA, "handler", "blue-lamp-handler"))
                .close();
        try (Stomp reconnected = awaitTheRelayOn(portB, handler)) {
            Stomp.Inbox popsAgain = reconnected.subscribe("/user/queue/screen-pop", null);
            String after = answerACallOn(portA);
            assertThat(popsAgain.await(pop -> pop.path("callId").asText().equals(after), WAIT))
                    .isNotNull();
        }
    }

    /** A console on this node once its relay has the broker again (until then CONNECT is refused). */
    private Stomp awaitTheRelayOn(int port, StaffSession staff) {
        Stomp[] connected = new Stomp[1];
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            Stomp stomp = Stomp.staff(port, staff);
            stomp.subscribe("/topic/queues", null);
            connected[0] = stomp;
            return true;
        });
        return connected[0];
    }

    private String reportOn(int port) {
        Api.Response created = new Api(port).report(Api.validReport());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.text("reference");
    }

    /** A call rings and the handler answers it, both as the PBX tells the given node. */
    private String answerACallOn(int port) {
        String callId = "relay-" + UUID.randomUUID();
        StaffSession pbx = new StaffSession(port);
        Map<String, Object> call = new HashMap<>(Map.of("callId", callId, "from", "07700900123", "to", "101"));
        call.put("event", "newCall");
        HttpResponse<String> rang = pbx.post(CTI, call);
        assertThat(rang.statusCode()).as(rang.body()).isEqualTo(200);
        call.put("event", "answer");
        call.put("user", List.of("handler"));
        HttpResponse<String> answered = pbx.post(CTI, call);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(StaffSession.json(answered).path("callId").asText()).isEqualTo(callId);
        return callId;
    }

    private long countEvents(String type) {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type like :type")
                .param("type", "%." + type)
                .query(Long.class)
                .single();
    }

    private ConfigurableApplicationContext relayedNode() {
        return startAnotherNode(rabbitMq.relayProperties());
    }
}
