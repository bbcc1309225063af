package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * Two handlers going for the same contact get the answers one node gives, whichever nodes they
 * are on: one wins, the others are told someone was quicker, and nobody sees a server error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RacesAcrossNodesTest extends IntegrationTest {

    static final int ROUNDS = 8;
    static final int RACERS_PER_NODE = 2;
    static final String TAKEN = "Another handler took this contact first.";

    @Autowired
    private ApplicationContext thisNode;

    private ConfigurableApplicationContext otherNode;
    private int otherPort;
    private final ExecutorService pool = Executors.newFixedThreadPool(2 * RACERS_PER_NODE);

    @BeforeAll
    void startTheOtherNode() {
        otherNode = startAnotherNode(Map.of());
        otherPort = portOf(otherNode);
        for (ApplicationContext node : List.of(otherNode, thisNode)) {
            UserDetailsManager accounts = (UserDetailsManager) node.getBean(UserDetailsService.class);
            for (int i = 1; i <= RACERS_PER_NODE * 2; i++) {
                if (!accounts.userExists("noderacer" + i)) {
                    accounts.createUser(User.withUsername("noderacer" + i)
                            .password("{noop}racer-password")
                            .roles("HANDLER")
                            .build());
                }
            }
        }
    }

    @AfterAll
    void stopTheOtherNode() {
        pool.shutdownNow();
        otherNode.close();
    }

    /** Each racer on a node of its own half: racers 1 and 3 here, 2 and 4 there. */
    private List<StaffSession> racers() {
        List<StaffSession> racers = new ArrayList<>();
        for (int i = 1; i <= RACERS_PER_NODE * 2; i++) {
            racers.add(StaffSession.signedIn(i % 2 == 1 ? port : otherPort, "noderacer" + i, "racer-password"));
        }
        return racers;
    }

    @Test
    void aContactTakenOnBothNodesAtOnceGoesToOneHandlerAndTheOthersAreToldSo() throws Exception {
        List<StaffSession> racers = racers();
        for (int round = 0; round < ROUNDS; round++) {
            String contactId = startChat(round % 2 == 0 ? port : otherPort);
            awaitWaiting(contactId);
            List<HttpResponse<String>> answers =
                    race(racers, racer -> racer.post("/api/v1/staff/contacts/" + contactId + "/take", null));
            assertThat(answers)
                    .as("round " + round + ": " + bodies(answers))
                    .extracting(HttpResponse::statusCode)
                    .isSubsetOf(200, 409)
                    .filteredOn(s -> s == 200)
                    .hasSize(1);
            assertThat(answers)
                    .filteredOn(a -> a.statusCode() == 409)
                    .allSatisfy(
                            a -> assertThat(StaffSession.json(a).path("detail").asText())
                                    .isEqualTo(TAKEN));
            assertThat(events(contactId, "ContactAssigned")).isEqualTo(1);
        }
    }

    /**
     * Take-next: one contact for four racers. A racer who saw it and lost is told another handler
     * was quicker (409), as on one node; one whose look found the queue already empty hears so (404).
     */
    @Test
    void takeNextOnBothNodesAtOnceGivesTheContactToOneHandler() throws Exception {
        List<StaffSession> racers = racers();
        for (int round = 0; round < ROUNDS; round++) {
            drain(racers.get(0), "CHAT");
            String contactId = startChat(round % 2 == 0 ? port : otherPort);
            awaitWaiting(contactId);
            List<HttpResponse<String>> answers =
                    race(racers, racer -> racer.post("/api/v1/staff/queues/CHAT/next", null));
            assertThat(answers)
                    .as("round " + round + ": " + bodies(answers))
                    .extracting(HttpResponse::statusCode)
                    .isSubsetOf(200, 409, 404)
                    .filteredOn(s -> s == 200)
                    .hasSize(1);
            assertThat(answers)
                    .filteredOn(a -> a.statusCode() == 200)
                    .singleElement()
                    .satisfies(a -> assertThat(
                                    StaffSession.json(a).path("contactId").asText())
                            .isEqualTo(contactId));
            assertThat(answers)
                    .filteredOn(a -> a.statusCode() == 409)
                    .allSatisfy(
                            a -> assertThat(StaffSession.json(a).path("detail").asText())
                                    .isEqualTo(TAKEN));
            assertThat(events(contactId, "ContactAssigned")).isEqualTo(1);
        }
    }

    /** The handler, with a console on each node, sends the contact back to the queue from both. */
    @Test
    void aTransferSentFromBothNodesAtOnceHappensOnce() throws Exception {
        StaffSession here = StaffSession.signedIn(port, "noderacer1", "racer-password");
        StaffSession there = StaffSession.signedIn(otherPort, "noderacer1", "racer-password");
        List<StaffSession> consoles = List.of(here, there, here, there);
        for (int round = 0; round < ROUNDS; round++) {
            String contactId = startChat(port);
            awaitWaiting(contactId);
            assertThat(here.post("/api/v1/staff/contacts/" + contactId + "/take", null)
                            .statusCode())
                    .isEqualTo(200);
            List<HttpResponse<String>> answers = race(
                    consoles,
                    console -> console.post(
                            "/api/v1/staff/contacts/" + contactId + "/transfer",
                            Map.of("toChannel", "CHAT", "note", "Back you go")));
            assertThat(answers)
                    .as("round " + round + ": " + bodies(answers))
                    .extracting(HttpResponse::statusCode)
                    .isSubsetOf(204, 409)
                    .filteredOn(s -> s == 204)
                    .hasSize(1);
            assertThat(events(contactId, "ContactTransferred")).isEqualTo(1);
            here.post("/api/v1/staff/contacts/" + contactId + "/take", null);
            here.post("/api/v1/staff/contacts/" + contactId + "/close", Map.of("outcome", "Raced"));
        }
    }

    /** The telephony platform delivers one call's first event to both nodes at once: one call, two 200s. */
    @Test
    void oneNewCallDeliveredToBothNodesAtOnceIsOneCall() throws Exception {
        List<Integer> ports = List.of(port, otherPort, port, otherPort);
        for (int round = 0; round < ROUNDS; round++) {
            String callId = "race-" + UUID.randomUUID().toString().substring(0, 8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int node : ports) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return new StaffSession(node)
                            .postForm(
                                    "/api/v1/cti/demo-cti-token",
                                    "event=newCall&callId=" + callId + "&from=07700900777&to=101&direction=in");
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            assertThat(answers)
                    .as("round " + round + ": " + bodies(answers))
                    .extracting(HttpResponse::statusCode)
                    .containsOnly(200);
            assertThat(events("call-" + callId, "CallRang")).isEqualTo(1);
            // Hung up, so no call waits in a queue another test drains.
            new StaffSession(port).postForm("/api/v1/cti/demo-cti-token", "event=hangup&callId=" + callId);
        }
    }

    private List<HttpResponse<String>> race(
            List<StaffSession> racers, Function<StaffSession, HttpResponse<String>> attempt) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> attempts = new ArrayList<>();
        for (StaffSession racer : racers) {
            Callable<HttpResponse<String>> task = () -> {
                go.await();
                return attempt.apply(racer);
            };
            attempts.add(pool.submit(task));
        }
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> each : attempts) {
            answers.add(each.get());
        }
        return answers;
    }

    private String startChat(int node) {
        JsonNode started = StaffSession.json(
                new StaffSession(node).post("/api/v1/chats", Map.of("topic", "Lost keys", "anyoneInDanger", false)));
        return started.path("contactId").asText();
    }

    private void awaitWaiting(String contactId) {
        await().until(() -> jdbc.sql("select count(*) from queue_item where contact_id = :id and state = 'WAITING'")
                        .param("id", contactId)
                        .query(Long.class)
                        .single()
                == 1);
    }

    private void drain(StaffSession handler, String channel) {
        while (handler.post("/api/v1/staff/queues/" + channel + "/next", null).statusCode() == 200) {
            // take whatever earlier tests left waiting
        }
    }

    private long events(String aggregate, String type) {
        return jdbc.sql(
                        "select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like :type")
                .param("id", aggregate)
                .param("type", "%." + type)
                .query(Long.class)
                .single();
    }

    private static List<String> bodies(List<HttpResponse<String>> answers) {
        return answers.stream().map(a -> a.statusCode() + " " + a.body()).toList();
    }
}
