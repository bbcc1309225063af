package uk.police.bluelamp.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.RawStomp;
import uk.police.bluelamp.app.contactcentre.Stomp;

/**
 * Points 1–8 of issue 11 on a real cluster (Cluster): two processes of the packaged jar on one
 * PostgreSQL server and RabbitMQ, behind nginx doing round-robin. Citizens and staff go through
 * the proxy; where a scenario needs one side on a given node (a console on B for a push caused
 * on A, racers one per node) it connects to that node directly, so the outcome does not hang on
 * the proxy's turn. Started once for the class: the node-killing scenario comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** Axon's token claim timeout (10 s) plus one claim interval (5 s) and room for a busy machine. */
    static final Duration TAKEOVER = Duration.ofSeconds(25);

    static final int CALLBACKS_PER_CLIENT = 5;

    private Cluster cluster;
    private ClusterData data;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @BeforeAll
    void startTheCluster() {
        long started = System.nanoTime();
        cluster = Cluster.start(
                false,
                List.of(
                        // One group keeps production figures: the shared-limit scenario counts against it.
                        "--bluelamp.rate-limits.callback.per-client.capacity=" + CALLBACKS_PER_CLIENT,
                        "--bluelamp.queues.channels.CHAT.auto-offer=true"));
        data = new ClusterData(cluster);
        System.out.printf("cluster started in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stopTheCluster() {
        pool.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    private Api citizen() {
        return new Api(cluster.proxyPort());
    }

    private StaffSession signedInThroughTheProxy(String user) {
        return StaffSession.signedIn(cluster.proxyPort(), user, "blue-lamp-" + user);
    }

    private StaffSession signedInOn(int node, String user) {
        return StaffSession.signedIn(cluster.nodePort(node), user, "blue-lamp-" + user);
    }

    @Test
    @Order(1)
    void aReportMadeThroughTheProxyIsTrackedThroughEitherNode() {
        Api.Response created = citizen().report(Api.validReport());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        for (int node = 0; node < 2; node++) {
            Api.Response tracked =
                    new Api(cluster.nodePort(node)).track(created.text("reference"), created.text("trackingCode"));
            assertThat(tracked.status()).as("tracked on node %d", node + 1).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aQueueChangeCausedOnOneNodeReachesConsolesOnBoth() throws Exception {
        try (Stomp onA = Stomp.staff(cluster.nodePort(0), signedInOn(0, "supervisor"));
                Stomp onB = Stomp.staff(cluster.nodePort(1), signedInOn(1, "supervisor"))) {
            List<Stomp.Inbox> consoles =
                    List.of(onA.subscribe("/topic/queues", null), onB.subscribe("/topic/queues", null));
            for (int node = 0; node < 2; node++) {
                String callId = "cluster-" + UUID.randomUUID();
                assertThat(cti(node, "event=newCall&callId=" + callId + "&from=07700900321&to=101&direction=in")
                                .statusCode())
                        .isEqualTo(200);
                for (int console = 0; console < 2; console++) {
                    awaitOn(
                            console,
                            consoles.get(console),
                            item -> item.path("contactId").asText().equals("call-" + callId)
                                    && item.path("state").asText().equals("WAITING"),
                            "a call rung through node " + (node + 1));
                }
            }
        }
    }

    @Test
    @Order(2)
    void aCitizensChatSocketThroughTheProxyGetsEveryMessageWhicheverNodeStoredIt() throws Exception {
        StaffSession citizenHttp = new StaffSession(cluster.proxyPort());
        JsonNode chat = StaffSession.json(citizenHttp.post(
                "/api/v1/chats", Map.of("topic", "Someone keeps ringing my bell", "anyoneInDanger", false)));
        String contactId = chat.path("contactId").asText();
        String token = chat.path("chatToken").asText();
        try (Stomp socket = Stomp.citizen(cluster.proxyPort())) {
            Stomp.Inbox messages = socket.subscribe("/topic/chat." + contactId, token);
            for (int i = 1; i <= 4; i++) { // round-robin: two stored by each node
                String text = "Message " + i;
                HttpResponse<String> sent = citizenHttp.send(
                        HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + contactId + "/messages"))
                                .header("X-Chat-Token", token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"clientMessageId\":\"c-" + i + "\",\"text\":\"" + text + "\"}"))
                                .build());
                assertThat(sent.statusCode()).as(sent.body()).isLessThan(300);
                messages.await(
                        m -> m.path("type").asText().equals("message")
                                && m.path("message").path("text").asText().equals(text),
                        WAIT);
            }
        } finally {
            citizenHttp.send(HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + contactId + "/end"))
                    .header("X-Chat-Token", token)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
        }
    }

    /**
     * A receipt promises the subscription is live: a push sent after it reaches the client. With
     * RabbitMQ that holds only once the broker has bound the subscription's queue, so the receipt
     * must be RabbitMQ's alone; one of the node's own, sent as the SUBSCRIBE is merely written to
     * the broker, let a chat message posted at once pass by the citizen's socket unseen.
     */
    @Test
    @Order(2)
    void aSubscriptionIsConfirmedOnceAndByTheBrokerThatHoldsIt() throws Exception {
        JsonNode chat = StaffSession.json(new StaffSession(cluster.proxyPort())
                .post("/api/v1/chats", Map.of("topic", "My shed was broken into", "anyoneInDanger", false)));
        for (int node = 0; node < 2; node++) {
            try (RawStomp socket = RawStomp.connect(cluster.nodePort(node))) {
                socket.frame("CONNECT\naccept-version:1.2\nhost:localhost\n\n");
                socket.await(frame -> frame.startsWith("CONNECTED\n"), WAIT);
                socket.frame("SUBSCRIBE\nid:0\ndestination:/topic/chat."
                        + chat.path("contactId").asText() + "\nchat-token:"
                        + chat.path("chatToken").asText() + "\nreceipt:live\n\n");
                socket.finish();
                assertThat(socket.received())
                        .as("receipts for the subscription on node %d", node)
                        .filteredOn(frame -> frame.startsWith("RECEIPT\n") && frame.contains("\nreceipt-id:live\n"))
                        .hasSize(1);
            }
        }
    }

    @Test
    @Order(3)
    void aStaffSignInThroughTheProxyHoldsOnEveryNodeOverHttpAndWebSocket() throws Exception {
        StaffSession supervisor = signedInThroughTheProxy("supervisor");
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> me = supervisor.get("/api/v1/staff/me");
            assertThat(me.statusCode())
                    .as("request %d, served by %s", i, me.headers().firstValue("X-Served-By"))
                    .isEqualTo(200);
            servedBy.add(me.headers().firstValue("X-Served-By").orElseThrow());
        }
        assertThat(servedBy).as("round-robin reached both nodes").hasSize(2);
        for (int port : List.of(cluster.nodePort(0), cluster.nodePort(1), cluster.proxyPort())) {
            try (Stomp console = Stomp.staff(port, supervisor)) {
                console.subscribe("/topic/queues", null); // staff only: refused to an anonymous socket
            }
        }
    }

    @Test
    @Order(4)
    void aScreenPopReachesTheHandlersConsolesOnBothNodesWhicheverNodeTheWebhookHits() throws Exception {
        try (Stomp onA = Stomp.staff(cluster.nodePort(0), signedInOn(0, "handler"));
                Stomp onB = Stomp.staff(cluster.nodePort(1), signedInOn(1, "handler"))) {
            List<Stomp.Inbox> consoles = List.of(
                    onA.subscribe("/user/queue/screen-pop", null), onB.subscribe("/user/queue/screen-pop", null));
            for (int node = 0; node < 2; node++) {
                String call = "callId=cluster-" + UUID.randomUUID() + "&from=07700900322&to=101&direction=in";
                assertThat(cti(node, "event=newCall&" + call).statusCode()).isEqualTo(200);
                assertThat(cti(node, "event=answer&" + call + "&user=handler").statusCode())
                        .isEqualTo(200);
                String callId = call.substring("callId=".length(), call.indexOf('&'));
                for (int console = 0; console < 2; console++) {
                    awaitOn(
                            console,
                            consoles.get(console),
                            pop -> pop.path("callId").asText().equals(callId),
                            "the screen-pop of a call answered through node " + (node + 1));
                }
                assertThat(cti(node, "event=hangup&" + call + "&cause=normalClearing")
                                .statusCode())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    @Order(5)
    void anAutomaticOfferReachesTheHandlersConsolesOnBothNodes() throws Exception {
        StaffSession onA = signedInOn(0, "supervisor");
        try (Stomp consoleA = Stomp.staff(cluster.nodePort(0), onA);
                Stomp consoleB = Stomp.staff(cluster.nodePort(1), signedInOn(1, "supervisor"))) {
            List<Stomp.Inbox> consoles = List.of(
                    consoleA.subscribe("/user/queue/offers", null), consoleB.subscribe("/user/queue/offers", null));
            assertThat(onA.put("/api/v1/staff/availability", Map.of("status", "AVAILABLE"))
                            .statusCode())
                    .isEqualTo(204);
            String chat = data.startChat(cluster.nodePort(1));
            for (int console = 0; console < 2; console++) {
                awaitOn(
                        console,
                        consoles.get(console),
                        offer -> offer.path("contactId").asText().equals(chat),
                        "the offer");
            }
        } finally {
            onA.put("/api/v1/staff/availability", Map.of("status", "OFFLINE"));
        }
    }

    @Test
    @Order(6)
    void takeRacesAcrossNodesGiveOneSuccessAndConflictsNeverAServerError() throws Exception {
        List<StaffSession> racers = List.of(
                signedInOn(0, "handler"),
                signedInOn(1, "supervisor"),
                signedInOn(1, "handler"),
                signedInOn(0, "supervisor"));
        for (int round = 0; round < 5; round++) {
            String contactId = data.startChat(cluster.proxyPort());
            data.awaitWaiting(contactId);
            List<Integer> answers = race(racers.stream()
                    .<Callable<Integer>>map(
                            racer -> () -> racer.post("/api/v1/staff/contacts/" + contactId + "/take", null)
                                    .statusCode())
                    .toList());
            // A take by the handler who already holds the contact succeeds again ("a double click is
            // not an error", as on one node): one person wins, every other answer is 409.
            assertThat(answers).as("round %d", round).containsOnly(200, 409).contains(200);
            Set<String> winners = new HashSet<>();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i) == 200) {
                    winners.add(i % 2 == 0 ? "handler" : "supervisor");
                }
            }
            assertThat(winners)
                    .as("round %d: who was given the contact, %s", round, answers)
                    .hasSize(1);
            assertThat(data.eventsOf(contactId, "ContactAssigned"))
                    .as("round %d", round)
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(7)
    void takeNextRacesAcrossNodesGiveOneContactOnceAndNeverAServerError() throws Exception {
        StaffSession onA = signedInOn(0, "handler");
        StaffSession onB = signedInOn(1, "supervisor");
        while (onA.post("/api/v1/staff/queues/CHAT/next", null).statusCode() == 200) {
            // what earlier scenarios left waiting
        }
        for (int round = 0; round < 5; round++) {
            data.awaitWaiting(data.startChat(cluster.proxyPort()));
            List<Integer> answers = race(List.of(
                    () -> onA.post("/api/v1/staff/queues/CHAT/next", null).statusCode(),
                    () -> onB.post("/api/v1/staff/queues/CHAT/next", null).statusCode()));
            // The loser finds the queue empty (404) or the contact taken (409), as on one node.
            assertThat(answers).as("round %d", round).containsOnlyOnce(200).allMatch(status -> status < 500);
        }
    }

    @Test
    @Order(8)
    void transferRacesAcrossNodesGiveOneSuccessAndAConflict() throws Exception {
        StaffSession onA = signedInOn(0, "handler");
        StaffSession onB = signedInOn(1, "handler");
        for (int round = 0; round < 5; round++) {
            String contactId = data.startChat(cluster.proxyPort());
            data.awaitWaiting(contactId);
            assertThat(onA.post("/api/v1/staff/contacts/" + contactId + "/take", null)
                            .statusCode())
                    .isEqualTo(200);
            String transfer = "/api/v1/staff/contacts/" + contactId + "/transfer";
            List<Integer> answers = race(List.of(
                    () -> onA.post(transfer, Map.of("toHandler", "supervisor", "note", "Over to you"))
                            .statusCode(),
                    () -> onB.post(transfer, Map.of("toChannel", "CHAT", "note", "Back to the queue"))
                            .statusCode()));
            assertThat(answers).as("round %d", round).containsOnly(204, 409).containsOnlyOnce(204);
        }
    }

    @Test
    @Order(9)
    void oneCallDeliveredToBothNodesAtOnceRingsOnceAndBothAreAcknowledged() throws Exception {
        for (int round = 0; round < 5; round++) {
            String callId = "cluster-dup-" + UUID.randomUUID();
            String body = "event=newCall&callId=" + callId + "&from=07700900323&to=101&direction=in";
            List<Integer> answers = race(
                    List.of(() -> cti(0, body).statusCode(), () -> cti(1, body).statusCode()));
            assertThat(answers).as("round %d", round).containsOnly(200);
            assertThat(data.eventsOf("call-" + callId, "CallRang")).isEqualTo(1);
        }
    }

    @Test
    @Order(10)
    void liveNodesShareEveryProcessorsSegments() {
        Map<Integer, Long> nodesByPid =
                Map.of(0, cluster.node(0).pid(), 1, cluster.node(1).pid());
        await().atMost(TAKEOVER)
                .untilAsserted(() -> assertThat(data.ownersOfProcessorsWithSeveralSegments())
                        .as("owners of each processor with several segments (node pids %s)", nodesByPid)
                        .allSatisfy((processor, owners) -> assertThat(owners).hasSize(2)));
    }

    @Test
    @Order(11)
    void aRebuildStartedOnOneNodeKeepsEveryAcknowledgedCaseWhileBothNodesTakeReports() throws Exception {
        StaffSession auditor = signedInOn(data.nodeOwningFewest("case-tracking"), "auditor");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> reporters = reporters(acknowledged, stop, new ConcurrentLinkedQueue<>());
        await().atMost(WAIT).until(() -> acknowledged.size() >= 10);
        HttpResponse<String> started =
                auditor.post("/api/v1/audit/replays", Map.of("readModel", "case-tracking", "eventsPerSecond", 100));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run =
                "/api/v1/audit/replays/" + StaffSession.json(started).path("id").asText();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !StaffSession.json(auditor.get(run))
                        .path("state")
                        .asText()
                        .equals("RUNNING"));
        stop.set(true);
        for (Future<?> reporter : reporters) {
            reporter.get(30, TimeUnit.SECONDS);
        }
        assertThat(StaffSession.json(auditor.get(run)).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(data.missingFromTracking(acknowledged.keySet()))
                .as("acknowledged cases missing after the rebuild (of %d)", acknowledged.size())
                .isEmpty();
        // Both nodes appended side by side and linked each other's events (ADR 0048).
        JsonNode integrity = StaffSession.json(auditor.get("/api/v1/audit/integrity"));
        assertThat(integrity.path("ok").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.path("unchained")).isEmpty();
    }

    @Test
    @Order(12)
    void anErasureAcknowledgedOnOneNodeLeavesNoPersonalDataReadableOrWrittenPlainOnTheOther() throws Exception {
        String name = "Quintrell Cluster" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = Api.validReport();
        report.put("name", name);
        String reference = citizen().report(report).text("reference");
        StaffSession adminOnB = signedInOn(1, "admin");
        assertThat(subjectAccess(adminOnB, reference).body())
                .as("node B has read (and holds) the key")
                .contains(name);

        HttpResponse<String> erased = signedInOn(0, "admin")
                .post(
                        "/api/v1/admin/erasures",
                        Map.of(
                                "reference",
                                reference,
                                "legalBasis",
                                "DPA_2018_S47",
                                "reason",
                                "Erasure decision ERA-CLUSTER"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        HttpResponse<String> afterwards = subjectAccess(adminOnB, reference);
        assertThat(afterwards.statusCode()).isEqualTo(200);
        // What the other node decrypts (the events) must be erased at once. The read models' own
        // copies wait for the scrub, which runs after the answer: issue 12 closes that gap.
        assertThat(StaffSession.json(afterwards).path("events").toString())
                .as("decrypted on the other node at once")
                .doesNotContain(name);
        signedInOn(1, "handler")
                .post("/api/v1/staff/cases/" + reference + "/notes", Map.of("text", "Called " + name + " back"));
        assertThat(data.eventsContaining(name))
                .as("events holding the name in plain text")
                .isZero();
    }

    private static HttpResponse<String> subjectAccess(StaffSession admin, String reference) {
        return admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/admin/subject-access?reference=" + reference))
                .header("X-Access-Reason", "Subject access request SAR-CLUSTER")
                .GET()
                .build());
    }

    @Test
    @Order(13)
    void aRateLimitHoldsForTheClusterNotPerNode() {
        String client = "198.51.100." + (1 + (int) (Math.random() * 250));
        StaffSession citizen = new StaffSession(cluster.proxyPort());
        citizen.csrfToken();
        List<Integer> answers = new ArrayList<>();
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < CALLBACKS_PER_CLIENT + 3; i++) {
            HttpResponse<String> answer = data.requestCallback(citizen, client);
            answers.add(answer.statusCode());
            servedBy.add(answer.headers().firstValue("X-Served-By").orElse("?"));
        }
        assertThat(servedBy).as("round-robin reached both nodes").hasSize(2);
        assertThat(answers)
                .as("callbacks from one address through both nodes")
                .containsExactlyElementsOf(ClusterData.firstAcceptedThenRefused(CALLBACKS_PER_CLIENT, 3));
    }

    /**
     * A node's own link to RabbitMQ (its relay's system session) can drop while RabbitMQ and every
     * browser's socket stay up, and what the node pushes until the relay reconnects (5 s) is lost.
     * Once the link is back, every socket opened before, on both nodes, is closed: the browser
     * reconnects, as after any drop, and fetches what it missed.
     */
    @Test
    @Order(13)
    void afterANodesOwnLinkToTheBrokerDropsEverySocketOnEitherNodeIsClosedToFetchWhatItMissed() throws Exception {
        // Before any console connects on node 1, its one link to STOMP is the relay's own.
        int relaysLink = await().atMost(WAIT)
                .until(() -> cluster.stompLinksOf(0), links -> links.size() == 1)
                .get(0);
        try (Stomp onA = Stomp.staff(cluster.nodePort(0), signedInOn(0, "supervisor"));
                Stomp onB = Stomp.staff(cluster.nodePort(1), signedInOn(1, "supervisor"))) {
            onA.subscribe("/topic/queues", null);
            onB.subscribe("/topic/queues", null);
            cluster.broker().cutStompConnectionFrom(relaysLink);
            await().atMost(TAKEOVER)
                    .untilAsserted(() -> assertThat(List.of(onA.connected(), onB.connected()))
                            .as("consoles on node 1 and node 2 still connected")
                            .containsOnly(false));
        }
        try (Stomp afterwards = Stomp.staff(cluster.nodePort(0), signedInOn(0, "supervisor"))) {
            Stomp.Inbox console = afterwards.subscribe("/topic/queues", null);
            String callId = "cluster-" + UUID.randomUUID();
            assertThat(cti(0, "event=newCall&callId=" + callId + "&from=07700900321&to=101&direction=in")
                            .statusCode())
                    .isEqualTo(200);
            awaitOn(
                    0,
                    console,
                    item -> item.path("contactId").asText().equals("call-" + callId),
                    "a call rung on node 1 once its link was back");
        }
    }

    @Test
    @Order(14)
    void withTheBrokerStoppedForThreeSecondsEveryReportIsAnsweredAndFiledOnce() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        long filedBefore = data.reportsFiled();
        List<Future<?>> reporters = reporters(acknowledged, stop, failures);
        await().atMost(WAIT).until(() -> acknowledged.size() >= 10);
        cluster.broker().stop();
        Thread.sleep(3000); // the outage itself, not a wait for a result
        cluster.broker().start();
        int sentDuringOutage = acknowledged.size();
        await().atMost(WAIT).until(() -> acknowledged.size() >= sentDuringOutage + 10);
        stop.set(true);
        for (Future<?> reporter : reporters) {
            reporter.get(30, TimeUnit.SECONDS);
        }
        assertThat(failures).as("answers other than 201").isEmpty();
        assertThat(data.reportsFiled() - filedBefore).as("reports filed").isEqualTo(acknowledged.size());
    }

    private final ConcurrentLinkedQueue<String> notTrackedStraightAfterReporting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger trackedStraightAfterReporting = new AtomicInteger();

    @Test
    @Order(15)
    void afterASigkillTheSurvivorOwnsEverySegmentInTimeAndNoAcknowledgedCaseIsLostOrDoubled() throws Exception {
        int victim = data.nodeOwningMost();
        int survivor = 1 - victim;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> reporters = reporters(acknowledged, stop, new ConcurrentLinkedQueue<>());
        Future<?> tracker = pool.submit(() -> {
            Api api = citizen();
            while (!stop.get()) {
                Api.Response created;
                try {
                    created = api.report(Api.validReport());
                } catch (RuntimeException connectionLost) {
                    continue; // in flight to the node as it died: never acknowledged
                }
                if (created.status() == 201) {
                    boolean found = trackAnswered(api, created).status() == 200;
                    if (found) {
                        trackedStraightAfterReporting.incrementAndGet();
                    } else {
                        notTrackedStraightAfterReporting.add(created.text("reference"));
                    }
                }
            }
        });
        await().atMost(WAIT).until(() -> acknowledged.size() >= 20);

        cluster.node(victim).kill();
        long killedAt = System.nanoTime();
        String survivorOwner = Cluster.ownerPrefix(survivor);
        await().atMost(TAKEOVER)
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        data.owners().stream().allMatch(owner -> owner != null && owner.startsWith(survivorOwner)));
        System.out.printf(
                "the survivor owned every segment %.1f s after the SIGKILL%n", (System.nanoTime() - killedAt) / 1e9);
        int atTakeover = acknowledged.size();
        await().atMost(WAIT).until(() -> acknowledged.size() >= atTakeover + 10);
        stop.set(true);
        for (Future<?> reporter : reporters) {
            reporter.get(30, TimeUnit.SECONDS);
        }
        tracker.get(30, TimeUnit.SECONDS);

        data.awaitProcessorsAtHead();
        assertThat(data.missingFromTracking(acknowledged.keySet()))
                .as("acknowledged cases missing (of %d)", acknowledged.size())
                .isEmpty();
        assertThat(data.duplicatedTimelineEntries())
                .as("timeline entries written twice")
                .isZero();
    }

    /** Measured during the SIGKILL above, asserted apart: it needs work the node-killing scenario does not. */
    @Test
    @Order(16)
    void aCitizenWhoTracksStraightAfterReportingDuringTheTakeoverGetsTheirCase() {
        assertThat(trackedStraightAfterReporting.get())
                .as("reports tracked during the SIGKILL scenario")
                .isPositive();
        assertThat(notTrackedStraightAfterReporting)
                .as("references that answered other than 200")
                .isEmpty();
    }

    /** Citizens reporting through the proxy until stopped; a connection the proxy drops is not an acknowledgement. */
    /**
     * The citizen's tracking request, sent again if the connection broke under it (the node
     * serving it was killed mid-answer): what their reload does. Only an answer counts.
     */
    private static Api.Response trackAnswered(Api api, Api.Response created) {
        RuntimeException lost = null;
        for (int reload = 0; reload < 5; reload++) {
            try {
                return api.track(created.text("reference"), created.text("trackingCode"));
            } catch (RuntimeException connectionLost) {
                lost = connectionLost; // no answer given: the proxy sends the reload to the survivor
            }
        }
        throw lost;
    }

    private List<Future<?>> reporters(
            Map<String, String> acknowledged, AtomicBoolean stop, ConcurrentLinkedQueue<Integer> failures) {
        List<Future<?>> reporters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reporters.add(pool.submit(() -> {
                Api api = citizen();
                while (!stop.get()) {
                    try {
                        Api.Response response = api.report(Api.validReport());
                        if (response.status() == 201) {
                            acknowledged.put(response.text("reference"), response.text("trackingCode"));
                        } else {
                            failures.add(response.status());
                        }
                    } catch (RuntimeException connectionLost) {
                        failures.add(-1);
                    }
                }
            }));
        }
        return reporters;
    }

    private static void awaitOn(int node, Stomp.Inbox console, Predicate<JsonNode> wanted, String what)
            throws InterruptedException {
        try {
            console.await(wanted, WAIT);
        } catch (AssertionError missing) {
            throw new AssertionError(
                    what + " did not reach the console on node " + (node + 1) + " within " + WAIT, missing);
        }
    }

    private <T> List<T> race(List<Callable<T>> attempts) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> running = attempts.stream()
                .map(attempt -> pool.submit(() -> {
                    go.await();
                    return attempt.call();
                }))
                .toList();
        go.countDown();
        List<T> answers = new ArrayList<>();
        for (Future<T> answer : running) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private HttpResponse<String> cti(int node, String form) {
        return new StaffSession(cluster.nodePort(node)).postForm("/api/v1/cti/" + Cluster.CTI_TOKEN, form);
    }
}
