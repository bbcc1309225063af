package uk.police.bluelamp.audit.replay;

import java.net.InetAddress;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This node as the owner of rebuilds (docs/adr/0025-cluster-wide-rebuilds.md): it beats for its
 * own runs and their holds on the live tokens, and fails any node's run whose heartbeat is stale,
 * dropping its shadow schema and letting its hold go. A run is never failed for anything but a
 * stale heartbeat: a node that starts or stops leaves other nodes' runs alone.
 */
@Component
class RebuildNode implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildNode.class);
    private static final String SCHEMA_PREFIX = "rebuild_";

    private final String id = hostName() + ":" + UUID.randomUUID();
    private final Set<String> holders = ConcurrentHashMap.newKeySet();
    private final JdbcTemplate jdbc;
    private final LiveTokens liveTokens;
    private final ReplaySettings settings;
    private final ApplicationEventPublisher events;
    private final ScheduledExecutorService beat =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "read-model-rebuild-heartbeat"));
    /** Apart from the heartbeat, so dropping a schema that waits on a lock never delays a beat. */
    private final ScheduledExecutorService watch =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "read-model-rebuild-watch"));

    RebuildNode(JdbcTemplate jdbc, LiveTokens liveTokens, ReplaySettings settings, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.liveTokens = liveTokens;
        this.settings = settings;
    }

    String id() {
        return id;
    }

    /** A hold this node's run has, or is about to take, on the live tokens: kept fresh from now on. */
    void holding(String holder) {
        holders.add(holder);
    }

    void released(String holder) {
        holders.remove(holder);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startBeating() {
        long every = settings.heartbeat().toMillis();
        beat.scheduleWithFixedDelay(this::beatOnce, 0, every, TimeUnit.MILLISECONDS);
        watch.scheduleWithFixedDelay(this::watchOnce, every, every, TimeUnit.MILLISECONDS);
    }

    private void beatOnce() {
        try {
            // Rows a swap has locked are skipped: that swap ends the run either way.
            jdbc.update(
                    "update replay_run set heartbeat_at = now() where id in (select id from replay_run "
                            + "where owner_node = ? and state in ('RUNNING', 'QUEUED') for update skip locked)",
                    id);
            liveTokens.refresh(List.copyOf(holders));
        } catch (Exception e) {
            LOG.warn("Rebuild heartbeat failed; trying again", e);
        }
    }

    private void watchOnce() {
        try {
            jdbc.queryForList(
                            "select distinct read_model from replay_run where state = 'RUNNING' "
                                    + "and hold_asked_at is not null",
                            String.class)
                    .forEach(liveTokens::letGoHere);
            failDeadOwners();
            dropOrphanSchemas();
        } catch (Exception e) {
            LOG.warn("Looking for dead rebuilds failed; trying again", e);
        }
    }

    /** Whichever node sees a stale heartbeat first fails the run; the others then find it failed. */
    private void failDeadOwners() {
        List<Map<String, Object>> dead =
                jdbc.queryForList("""
                update replay_run set state = 'FAILED', finished_at = now(),
                    error = 'Its node (' || coalesce(owner_node, 'unknown') || ') stopped answering; failed by ' || ?
                where id in (select id from replay_run where state in ('RUNNING', 'QUEUED')
                             and heartbeat_at < now() - make_interval(secs => ?) for update skip locked)
                returning id, read_model, owner_node
                """, id, settings.staleAfter().toMillis() / 1000.0);
        for (Map<String, Object> run : dead) {
            UUID runId = (UUID) run.get("id");
            LOG.warn(
                    "Rebuild {} of {} failed: its node {} stopped answering",
                    runId,
                    run.get("read_model"),
                    run.get("owner_node"));
            liveTokens.release(LiveTokens.holder(runId));
            dropSchema(schemaOf(runId));
        }
        if (!dead.isEmpty()) {
            events.publishEvent(new DeadRunsFailed(dead.size()));
        }
    }

    /** Shadow schemas of runs no longer running: failed by another node, or left by a crash. */
    private void dropOrphanSchemas() {
        List<String> orphans = jdbc.queryForList("""
                select nspname from pg_namespace where nspname like 'rebuild\\_%' and not exists (
                    select 1 from replay_run where state in ('RUNNING', 'QUEUED') and 'rebuild_' || replace(id::text, '-', '') = nspname)
                """, String.class);
        orphans.forEach(this::dropSchema);
    }

    /** Not waiting on a zombie's open transaction: the next beat tries again. */
    private void dropSchema(String schema) {
        try {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("set lock_timeout = '2s'");
                    try {
                        sql.execute("drop schema if exists " + schema + " cascade");
                    } finally {
                        sql.execute("reset lock_timeout");
                    }
                }
                return null;
            });
        } catch (Exception e) {
            LOG.info("Could not drop {} yet: {}", schema, e.getMessage());
        }
    }

    static String schemaOf(UUID run) {
        return SCHEMA_PREFIX + run.toString().replace("-", "");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            return "node";
        }
    }

    @Override
    public void destroy() {
        beat.shutdownNow();
        watch.shutdownNow();
    }
}
