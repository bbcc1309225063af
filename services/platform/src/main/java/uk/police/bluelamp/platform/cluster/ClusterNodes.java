package uk.police.bluelamp.platform.cluster;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's heartbeat in {@code node_heartbeat}, and which nodes are alive by theirs: a node
 * whose row is older than the node timeout is dead. Each beat first runs the checks other parts
 * hooked on ({@link #onEachBeat}) in the beat's transaction, so a beat stamped at time T says
 * "this node has seen everything committed before T" (docs/adr/0023-nodes-share-work-and-erasures.md).
 * The beats run on a thread of their own, never behind slow scheduled work.
 */
@Component
public class ClusterNodes {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNodes.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String nodeId;
    private final Duration interval;
    private final Duration nodeTimeout;
    private final List<Consumer<JdbcTemplate>> checks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "node-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile List<String> liveNodes;
    /** When the last beat that committed began (System.nanoTime), or never. */
    private volatile long lastBeatStarted = Long.MIN_VALUE;

    ClusterNodes(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            @Value("${bluelamp.cluster.node-id:}") String nodeId,
            @Value("${bluelamp.cluster.heartbeat-interval:PT1S}") Duration interval,
            @Value("${bluelamp.cluster.node-timeout:PT6S}") Duration nodeTimeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        // Unique even for two nodes in one process: Axon's default (pid@host) is not.
        this.nodeId = nodeId.isBlank()
                ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        this.interval = interval;
        this.nodeTimeout = nodeTimeout;
        this.liveNodes = List.of(this.nodeId);
        beat();
        beats.scheduleWithFixedDelay(
                this::beatQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    /** The live nodes as of the last beat, sorted, this one always among them. */
    public List<String> liveNodes() {
        return liveNodes;
    }

    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    /** Whether this node's last committed beat began within the given time. */
    public boolean beatWithin(Duration recent) {
        long started = lastBeatStarted;
        return started != Long.MIN_VALUE && System.nanoTime() - started < recent.toNanos();
    }

    /** A check run in every beat's transaction before the beat is stamped. */
    public void onEachBeat(Consumer<JdbcTemplate> check) {
        checks.add(check);
    }

    /**
     * Waits until every other live node has beaten since {@code since} (a database time), for at
     * most the node timeout. Returns the nodes that had not by then.
     */
    public List<String> awaitBeatsSince(Timestamp since) {
        long deadline = System.nanoTime() + nodeTimeout.toNanos();
        List<String> behind = behind(since);
        while (!behind.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(100, interval.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return behind;
            }
            behind = behind(since);
        }
        return behind;
    }

    /** The database's time now, to compare with beats. */
    public Timestamp databaseNow() {
        return jdbc.queryForObject("select clock_timestamp()", Timestamp.class);
    }

    private List<String> behind(Timestamp since) {
        return jdbc.queryForList("""
                select node_id from node_heartbeat
                where node_id <> ? and last_seen > clock_timestamp() - make_interval(secs => ?)
                  and (erasures_checked_at is null or erasures_checked_at < ?)
                order by node_id""", String.class, nodeId, nodeTimeout.toMillis() / 1000.0, since);
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            LOG.warn("Node {} could not write its heartbeat: {}", nodeId, e.toString());
        }
    }

    private void beat() {
        long started = System.nanoTime();
        List<String> live = transactions.execute(status -> {
            checks.forEach(check -> check.accept(jdbc));
            jdbc.update("""
                    insert into node_heartbeat (node_id, last_seen, erasures_checked_at) values (?, now(), now())
                    on conflict (node_id) do update set last_seen = now(), erasures_checked_at = now()""", nodeId);
            // Killed nodes leave their rows; each restart has a new id.
            jdbc.update("delete from node_heartbeat where last_seen < now() - interval '1 day'");
            return jdbc.queryForList("""
                    select node_id from node_heartbeat where last_seen > now() - make_interval(secs => ?)
                    order by node_id""", String.class, nodeTimeout.toMillis() / 1000.0);
        });
        List<String> now = live.contains(nodeId) ? List.copyOf(live) : List.of(nodeId);
        if (!now.equals(liveNodes)) {
            LOG.info("Node {} sees the live nodes {}", nodeId, now);
        }
        liveNodes = now;
        lastBeatStarted = started;
    }

    /** A clean stop leaves at once, so the other nodes take its share without waiting it out. */
    @PreDestroy
    void leave() {
        beats.shutdownNow();
        try {
            jdbc.update("delete from node_heartbeat where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            LOG.warn("Node {} could not remove its heartbeat: {}", nodeId, e.toString());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
