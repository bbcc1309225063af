package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * A rebuild of case-tracking (docs/adr/0025-cluster-wide-rebuilds.md) holds the live processor
 * on both nodes while citizens keep reporting to both. Each run is stopped just before its swap
 * (a test connection holds the swap's lock for the read model) so reports certainly arrive
 * while the processor is held; then every acknowledged case must be in the swapped tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildAcrossNodesTest extends IntegrationTest {

    private static final String READ_MODEL = "case-tracking";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** ShadowTables.SWAP_LOCKS: the class of the advisory lock a swap takes for its read model. */
    private static final int SWAP_LOCKS = 10_025;

    @Autowired
    private DataSource database;

    private ConfigurableApplicationContext otherNode;
    /** Held by whoever talks to the other node, and while it restarts. */
    private final ReentrantLock otherNodeUp = new ReentrantLock();

    @BeforeAll
    void startTheOtherNode() throws Exception {
        otherNode = startAnotherNode(Map.of());
    }

    @AfterAll
    void stopTheOtherNode() {
        otherNode.close();
    }

    @Test
    @Order(1)
    void aRebuildStartedOnTheOtherNodeHoldsThisNodesProcessorTooAndLosesNoCase() throws Exception {
        rebuildUnderLoadOn(otherPort(), () -> {});
    }

    @Test
    @Order(2)
    void aRebuildStartedOnThisNodeHoldsTheOtherNodesProcessorTooAndLosesNoCase() throws Exception {
        rebuildUnderLoadOn(port, () -> {});
    }

    @Test
    @Order(3)
    void theOtherNodeRestartingDuringARebuildNeitherFailsItNorTakesTheSegments() throws Exception {
        rebuildUnderLoadOn(port, () -> {
            // Not while a report is on its way there: a closing node answers it 500 (its command
            // handlers go before its web server does), which is no rebuild's doing.
            otherNodeUp.lock();
            try {
                otherNode.close();
                otherNode = startAnotherNode(Map.of());
            } finally {
                otherNodeUp.unlock();
            }
        });
    }

    /**
     * The other node stops beating after its first heartbeat, as a node that hangs or is cut
     * off: this node fails its run, drops its schema and lets the processor go, and the stalled
     * owner, when it wakes, cannot swap.
     */
    @Test
    @Order(4)
    void aRunWhoseNodeStopsBeatingIsFailedByThisNodeAndItsSchemaDropped() throws Exception {
        otherNode.close();
        otherNode = startAnotherNode(
                Map.of("bluelamp.audit.replay.heartbeat", "PT1H", "bluelamp.audit.replay.stale-after", "PT1H"));
        List<String> before = trackedCases();
        String run;
        try (SwapGate gate = new SwapGate()) {
            run = start(otherPort());
            gate.awaitHeldBy(run);

            await().atMost(WAIT).until(() -> state(run).equals("FAILED"));
            assertThat(error(run)).contains("stopped answering");
            await().atMost(WAIT).until(() -> !schemaExists(run));
            assertThat(heldSegments(run)).as("the hold went with the run").isZero();
        }
        String reference = report(port);
        await().atMost(WAIT).until(() -> trackedCases().contains(reference));
        await().atMost(WAIT)
                .until(() -> jdbc.sql(
                                        "select count(*) from pg_locks where locktype = 'advisory' and classid::bigint = :locks")
                                .param("locks", SWAP_LOCKS)
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(state(run))
                .as("the stalled owner could not swap when it woke")
                .isEqualTo("FAILED");
        assertThat(trackedCases()).as("nothing swapped in").containsAll(before).contains(reference);
    }

    /** Reports keep coming to both nodes for the whole run, and some certainly while it holds the processor. */
    private void rebuildUnderLoadOn(int startedOn, Runnable whileHeld) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String run;
        try (Traffic traffic = new Traffic(acknowledged)) {
            try (SwapGate gate = new SwapGate()) {
                run = start(startedOn);
                gate.awaitHeldBy(run);
                whileHeld.run();
                Set<String> duringHold = ConcurrentHashMap.newKeySet();
                for (int i = 0; i < 3; i++) {
                    duringHold.add(report(port));
                    duringHold.add(report(otherPort()));
                }
                acknowledged.addAll(duringHold);
                assertThat(state(run)).isEqualTo("RUNNING");
                assertThat(schemaExists(run)).isTrue();
                assertThat(heldSegments(run))
                        .as("no node has taken a segment back")
                        .isEqualTo(segments());
                assertThat(trackedCases())
                        .as("no node writes the held read model")
                        .doesNotContainAnyElementsOf(duringHold);
            }
            await().atMost(WAIT).until(() -> !state(run).equals("RUNNING"));
            traffic.awaitMore();
        }
        JsonNode done = StaffSession.json(auditor(port).get("/api/v1/audit/replays/" + run));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(trackedCases()).as("every acknowledged case").containsAll(acknowledged);
            assertThat(trackedCases())
                    .as("every case the event store opened")
                    .containsExactlyInAnyOrderElementsOf(openedCases());
            assertThat(casesWithATimeline()).containsAll(acknowledged);
        });
    }

    private String start(int onPort) {
        var started = auditor(onPort).post("/api/v1/audit/replays", Map.of("readModel", READ_MODEL));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return StaffSession.json(started).path("id").asText();
    }

    private String report(int onPort) {
        Api.Response response = new Api(onPort).report(Api.validReport());
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.text("reference");
    }

    private static StaffSession auditor(int onPort) {
        return StaffSession.signedIn(onPort, "auditor", "blue-lamp-auditor");
    }

    private String state(String run) {
        return jdbc.sql("select state from replay_run where id = :id::uuid")
                .param("id", run)
                .query(String.class)
                .single();
    }

    private String error(String run) {
        return jdbc.sql("select error from replay_run where id = :id::uuid")
                .param("id", run)
                .query(String.class)
                .single();
    }

    private boolean schemaExists(String run) {
        return jdbc.sql("select count(*) from pg_namespace where nspname = :schema")
                        .param("schema", "rebuild_" + run.replace("-", ""))
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long heldSegments(String run) {
        return jdbc.sql("select count(*) from token_entry where processor_name = :p and owner = :holder")
                .param("p", READ_MODEL)
                .param("holder", "rebuild:" + run)
                .query(Long.class)
                .single();
    }

    private long segments() {
        return jdbc.sql("select count(*) from token_entry where processor_name = :p")
                .param("p", READ_MODEL)
                .query(Long.class)
                .single();
    }

    private List<String> trackedCases() {
        return jdbc.sql("select reference from case_tracking")
                .query(String.class)
                .list();
    }

    private List<String> casesWithATimeline() {
        return jdbc.sql("select distinct reference from case_timeline")
                .query(String.class)
                .list();
    }

    private List<String> openedCases() {
        return jdbc.sql("""
                select distinct convert_from(payload, 'UTF8')::jsonb ->> 'reference' from domain_event_entry
                where payload_type = 'uk.police.bluelamp.messages.casefile.CaseOpened'
                """).query(String.class).list();
    }

    private int otherPort() {
        return ((WebServerApplicationContext) otherNode).getWebServer().getPort();
    }

    /**
     * Holds the advisory lock every swap of the read model takes first, on a connection of its
     * own: a run then waits with the live processor held until the gate closes.
     */
    private final class SwapGate implements AutoCloseable {
        private final Connection connection;

        SwapGate() throws Exception {
            HikariDataSource pool = (HikariDataSource) database;
            connection = DriverManager.getConnection(pool.getJdbcUrl(), "postgres", "");
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, SWAP_LOCKS);
                lock.setString(2, READ_MODEL);
                lock.execute();
            }
        }

        /** Until the run holds every segment and waits at its swap. */
        void awaitHeldBy(String run) {
            await().atMost(WAIT)
                    .until(() -> heldSegments(run) == segments()
                            && jdbc.sql("""
                    select count(*) from pg_locks where locktype = 'advisory' and classid::bigint = :locks and not granted
                    """)
                                            .param("locks", SWAP_LOCKS)
                                            .query(Long.class)
                                            .single()
                                    == 1);
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    /** A citizen reporting to each node every 100 ms, for as long as it runs; any answer but 201 fails the test. */
    private final class Traffic implements AutoCloseable {
        private final ScheduledExecutorService citizens = Executors.newScheduledThreadPool(2);
        private final Set<String> acknowledged;
        private final List<String> refused = new CopyOnWriteArrayList<>();

        Traffic(Set<String> acknowledged) {
            this.acknowledged = acknowledged;
            citizens.scheduleWithFixedDelay(() -> reportTo(port), 0, 100, TimeUnit.MILLISECONDS);
            citizens.scheduleWithFixedDelay(
                    () -> {
                        otherNodeUp.lock();
                        try {
                            reportTo(otherPort());
                        } finally {
                            otherNodeUp.unlock();
                        }
                    },
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
        }

        private void reportTo(int onPort) {
            try {
                Api.Response response = new Api(onPort).report(Api.validReport());
                if (response.status() == 201) {
                    acknowledged.add(response.text("reference"));
                } else {
                    refused.add(response.status() + " " + response.raw().body());
                }
            } catch (RuntimeException notAnswered) {
                refused.add(notAnswered.toString());
            }
        }

        /** A few more reports after the swap, so traffic spans the whole run. */
        void awaitMore() {
            int seen = acknowledged.size();
            await().atMost(WAIT).until(() -> acknowledged.size() >= seen + 4);
        }

        @Override
        public void close() throws Exception {
            citizens.shutdown();
            assertThat(citizens.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(refused).as("reports refused while the rebuild ran").isEmpty();
        }
    }
}
