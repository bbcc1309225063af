package uk.police.bluelamp.app.contactcentre;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * Live latency with 200 concurrent chat clients against the packaged app on loopback:
 * citizen SEND to handler receipt, and CTI newCall webhook to the console's queue update.
 * Prints p50/p99 beside a baseline measured in the same run: one fsync'd PostgreSQL commit,
 * the floor under anything Blue Lamp acknowledges. Run with: ./mvnw -Pbenchmark verify
 */
class ContactCentreBenchmark {

    static final int CHATS = 200;
    static final int MESSAGES_PER_CHAT = 10;
    static final int HANDLER_CONNECTIONS = 20;
    static final int CALLS = 200;

    @Test
    void chatAndQueueLatency() throws Exception {
        Path dataDir = AppProcess.testDir("benchmark-data");
        try (AppProcess app =
                AppProcess.start(dataDir, dataDir.resolve("app.log")).awaitReady(Duration.ofSeconds(180))) {
            int port = app.port();
            StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
            List<String[]> chats = startAndTakeChats(port, handler);

            List<Long> chatLatencies = chatLatency(port, handler, chats);
            List<Long> queueLatencies = newCallLatency(port, handler);
            List<Long> commitLatencies = rawCommitLatency(dataDir);

            System.out.println();
            System.out.println("Blue Lamp contact-centre latency (" + CHATS + " concurrent chat clients, loopback, "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            report("citizen message -> handler client", chatLatencies);
            report("newCall webhook -> console queue update", queueLatencies);
            report("baseline: one fsync'd PostgreSQL commit", commitLatencies);
            System.out.println("app memory after the run: " + app.memory());
        }
    }

    private List<String[]> startAndTakeChats(int port, StaffSession handler) {
        List<String[]> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            JsonNode started = StaffSession.json(new StaffSession(port)
                    .post("/api/v1/chats", Map.of("topic", "Benchmark chat " + i, "anyoneInDanger", false)));
            String contactId = started.path("contactId").asText();
            if (handler.post("/api/v1/staff/contacts/" + contactId + "/take", null)
                            .statusCode()
                    != 200) {
                throw new IllegalStateException("could not take " + contactId);
            }
            chats.add(new String[] {contactId, started.path("chatToken").asText()});
        }
        return chats;
    }

    private List<Long> chatLatency(int port, StaffSession handler, List<String[]> chats) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch delivered = new CountDownLatch(CHATS * MESSAGES_PER_CHAT);
        List<Stomp> handlerConnections = new ArrayList<>();
        for (int i = 0; i < HANDLER_CONNECTIONS; i++) {
            handlerConnections.add(Stomp.staff(port, handler));
        }
        for (int i = 0; i < chats.size(); i++) {
            StompHeaders headers = new StompHeaders();
            headers.setDestination("/topic/chat." + chats.get(i)[0]);
            handlerConnections.get(i % HANDLER_CONNECTIONS).session().subscribe(headers, frames(payload -> {
                JsonNode message = payload.path("message");
                if (message.path("author").asText().equals("CITIZEN")) {
                    Long sent = sentAt.remove(message.path("clientMessageId").asText());
                    if (sent != null) {
                        latencies.add(System.nanoTime() - sent);
                        delivered.countDown();
                    }
                }
            }));
        }
        List<Stomp> citizens = new ArrayList<>();
        for (String[] chat : chats) {
            Stomp citizen = Stomp.citizen(port);
            citizen.subscribe("/topic/chat." + chat[0], chat[1]);
            citizens.add(citizen);
        }
        Thread.sleep(2000);
        ExecutorService senders = Executors.newFixedThreadPool(50);
        for (int c = 0; c < chats.size(); c++) {
            String[] chat = chats.get(c);
            Stomp citizen = citizens.get(c);
            senders.submit(() -> {
                for (int m = 0; m < MESSAGES_PER_CHAT; m++) {
                    sleepMillis(ThreadLocalRandom.current().nextInt(200, 1200)); // people type
                    String id = chat[0].substring(0, 8) + "-" + m;
                    sentAt.put(id, System.nanoTime());
                    citizen.send(
                            "/app/chat." + chat[0] + ".send",
                            chat[1],
                            Map.of("clientMessageId", id, "text", "message " + m));
                }
            });
        }
        senders.shutdown();
        boolean all = delivered.await(180, TimeUnit.SECONDS);
        citizens.forEach(Stomp::close);
        handlerConnections.forEach(Stomp::close);
        if (!all) {
            System.out.println("WARNING: " + delivered.getCount() + " chat messages did not arrive within 180 s");
        }
        return new ArrayList<>(latencies);
    }

    private List<Long> newCallLatency(int port, StaffSession handler) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch seen = new CountDownLatch(CALLS);
        try (Stomp console = Stomp.staff(port, handler)) {
            StompHeaders headers = new StompHeaders();
            headers.setDestination("/topic/queues");
            console.session().subscribe(headers, frames(item -> {
                Long sent = sentAt.remove(item.path("contactId").asText());
                if (sent != null && item.path("state").asText().equals("WAITING")) {
                    latencies.add(System.nanoTime() - sent);
                    seen.countDown();
                }
            }));
            Thread.sleep(1000);
            StaffSession telephony = new StaffSession(port);
            for (int i = 0; i < CALLS; i++) {
                String callId = "bench-" + i + "-" + System.nanoTime();
                sentAt.put("call-" + callId, System.nanoTime());
                telephony.postForm(
                        "/api/v1/cti/demo-cti-token",
                        "event=newCall&callId=" + callId + "&from=0770090" + String.format("%04d", i)
                                + "&to=101&direction=in");
                sleepMillis(ThreadLocalRandom.current().nextInt(20, 80));
            }
            seen.await(60, TimeUnit.SECONDS);
        }
        return new ArrayList<>(latencies);
    }

    /** The same kind of write the app must make durable before it answers, with nothing else around it. */
    private List<Long> rawCommitLatency(Path dataDir) throws Exception {
        String postgresPort = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim();
        List<Long> latencies = new ArrayList<>();
        try (Connection jdbc = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "")) {
            try (Statement ddl = jdbc.createStatement()) {
                ddl.execute("create table if not exists bench_commit (id bigserial primary key, payload bytea)");
            }
            jdbc.setAutoCommit(false);
            try (PreparedStatement insert = jdbc.prepareStatement("insert into bench_commit (payload) values (?)")) {
                for (int i = 0; i < 1000; i++) {
                    long start = System.nanoTime();
                    insert.setBytes(1, ("{\"text\":\"message " + i + "\"}").getBytes());
                    insert.executeUpdate();
                    jdbc.commit();
                    latencies.add(System.nanoTime() - start);
                }
            }
        }
        return latencies;
    }

    private static StompFrameHandler frames(Consumer<JsonNode> onMessage) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                onMessage.accept((JsonNode) payload);
            }
        };
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%-45s no samples%n", what);
            return;
        }
        System.out.printf(
                "%-45s n=%5d  p50=%7.1f ms  p99=%7.1f ms  max=%7.1f ms%n",
                what, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
