package uk.police.bluelamp.audit.replay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.audit.deadletters.DeadLetters;
import uk.police.bluelamp.audit.replay.ReadModels.Rebuildable;
import uk.police.bluelamp.audit.replay.ShadowTables.Comparison;
import uk.police.bluelamp.platform.database.UnpooledConnections;
import uk.police.bluelamp.platform.personaldata.PersonalDataSerializer;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/** Starts rebuilds in the background and keeps their progress where every node can read it. */
@Component
class Replays implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Replays.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final ReadModels readModels;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final LiveTokens liveTokens;
    private final ReplaySettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final RebuildNode node;
    private final ApplicationEventPublisher events;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));
    private final ExecutorService scrubs = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-scrub"));
    private static final long SCRUB_RETRY_MILLIS = 250;

    Replays(
            ReadModels readModels,
            JdbcTemplate jdbc,
            DataSource dataSource,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            LiveTokens liveTokens,
            ReplaySettings settings,
            ObjectMapper json,
            Clock clock,
            DeadLetters deadLetters,
            RebuildNode node,
            ApplicationEventPublisher events) {
        this.events = events;
        this.node = node;
        this.deadLetters = deadLetters;
        this.readModels = readModels;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.eventSerializer = eventSerializer;
        this.liveTokens = liveTokens;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** An auditor's rebuild; empty when that read model is already being rebuilt. */
    Optional<UUID> start(Rebuildable readModel, String requestedBy, Integer eventsPerSecond) {
        return start(readModel, requestedBy, eventsPerSecond, REBUILD);
    }

    /** A new read model's history, from the whole log (see {@link BackFills}); empty when one runs already. */
    Optional<UUID> backFill(Rebuildable readModel) {
        return start(readModel, "first start", null, BACK_FILL);
    }

    static final String REBUILD = "REBUILD";
    static final String BACK_FILL = "BACKFILL";
    static final String SCRUB = "SCRUB";

    private Optional<UUID> start(Rebuildable readModel, String requestedBy, Integer eventsPerSecond, String kind) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update(
                    "insert into replay_run (id, read_model, requested_by, started_at, state, owner_node, heartbeat_at, "
                            + "kind) values (?, ?, ?, ?, 'RUNNING', ?, now(), ?)",
                    id,
                    readModel.name(),
                    requestedBy,
                    Timestamp.from(clock.instant()),
                    node.id(),
                    kind);
        } catch (DuplicateKeyException alreadyRunning) {
            return Optional.empty();
        }
        LOG.info("{} asked to rebuild read model {} (run {}, {})", requestedBy, readModel.name(), id, kind);
        runner.submit(() -> run(id, readModel, pace(eventsPerSecond), kind));
        return Optional.of(id);
    }

    /**
     * A rebuild after an erasure: QUEUED until no other rebuild of that read model runs (one that
     * began before the erasure may still write the erased data), then run in its own queue. Its
     * comparison keeps no sample rows (they would be the erased data) and the swapped tables are
     * vacuumed so no dead copy of a row lingers.
     */
    UUID scrub(Rebuildable readModel, String requestedBy) {
        // A queued scrub has read nothing yet, so it covers this erasure too: one this node queued,
        // since only its queue runs it (another node's may be a dead node's, about to be failed).
        List<UUID> queued = jdbc.queryForList(
                "select id from replay_run where read_model = ? and state = 'QUEUED' " + "and owner_node = ?",
                UUID.class,
                readModel.name(),
                node.id());
        if (!queued.isEmpty()) {
            return queued.get(0);
        }
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into replay_run (id, read_model, requested_by, started_at, state, owner_node, heartbeat_at, "
                        + "kind) values (?, ?, ?, ?, 'QUEUED', ?, now(), 'SCRUB')",
                id,
                readModel.name(),
                requestedBy,
                Timestamp.from(clock.instant()),
                node.id());
        // An auditor's rebuild or a back-fill never holds an erasure back: it may have read the
        // erased data before the key went, so it is stopped (on whichever node runs it) and the
        // scrub, which rebuilds the whole history too, goes next.
        int stopped = jdbc.update(
                "update replay_run set state = 'CANCELLED', finished_at = ?, error = ? "
                        + "where read_model = ? and kind in ('REBUILD', 'BACKFILL') and state = 'RUNNING'",
                Timestamp.from(clock.instant()),
                "Stopped for an erasure, which goes first: start the rebuild again",
                readModel.name());
        if (stopped > 0) {
            LOG.info("Stopped the rebuild of read model {} for an erasure's scrub (run {})", readModel.name(), id);
        }
        scrubs.submit(() -> {
            while (!claim(id)) {
                if (!queued(id)) {
                    return null;
                }
                Thread.sleep(SCRUB_RETRY_MILLIS);
            }
            run(id, readModel, pace(null), SCRUB);
            return null;
        });
        return id;
    }

    /**
     * Earlier rebuilds' reports keep sample rows, which may be an erased person's: an erasure
     * drops them all (they only explain a past comparison) and vacuums the table.
     */
    void forgetSamples() throws IOException {
        for (Map<String, Object> run :
                jdbc.queryForList("select id, report from replay_run where report is not null")) {
            List<Comparison> report =
                    json.readValue((String) run.get("report"), new TypeReference<List<Comparison>>() {});
            if (report.stream()
                    .anyMatch(c -> !c.sampleOnlyBefore().isEmpty()
                            || !c.sampleOnlyAfter().isEmpty())) {
                jdbc.update(
                        "update replay_run set report = ? where id = ?",
                        json.writeValueAsString(
                                report.stream().map(Comparison::withoutSamples).toList()),
                        run.get("id"));
            }
        }
        jdbc.execute("vacuum replay_run");
    }

    private static boolean cancelled(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Cancelled) {
                return true;
            }
        }
        return false;
    }

    /** The run stopped: by its starter, an admin, or an erasure that goes first. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("The rebuild was cancelled");
        }
    }

    /**
     * Stops a running auditor's rebuild: whichever node runs it sees the state at its next
     * progress write (five times a second), drops its shadow tables and lets go of the live
     * processor; the live read model is left as it was. A scrub after an erasure is never stopped.
     */
    boolean cancel(UUID id, String by) {
        return jdbc.update(
                        "update replay_run set state = 'CANCELLED', finished_at = ?, error = ? "
                                + "where id = ? and kind = 'REBUILD' and state = 'RUNNING'",
                        Timestamp.from(clock.instant()),
                        "Cancelled by " + by,
                        id)
                == 1;
    }

    private boolean claim(UUID queued) {
        try {
            return jdbc.update(
                            "update replay_run set state = 'RUNNING', started_at = ? where id = ? and state = 'QUEUED'",
                            Timestamp.from(clock.instant()),
                            queued)
                    == 1;
        } catch (DuplicateKeyException anotherRuns) {
            return false;
        }
    }

    /** Still waiting: not failed meanwhile by a node that took this one for dead. */
    private boolean queued(UUID id) {
        return jdbc.queryForList("select 1 from replay_run where id = ? and state = 'QUEUED'", id)
                        .size()
                == 1;
    }

    private int pace(Integer eventsPerSecond) {
        int ceiling = settings.eventsPerSecond();
        return eventsPerSecond == null ? ceiling : ceiling == 0 ? eventsPerSecond : Math.min(ceiling, eventsPerSecond);
    }

    private void run(UUID id, Rebuildable readModel, int eventsPerSecond, String kind) {
        boolean scrub = SCRUB.equals(kind);
        long started = System.nanoTime();
        long[] lastWrite = {0};
        // done, total, and when the last event was applied: the rate is of replaying, not comparing.
        long[] latest = {0, 0, started};
        // Small batches at a slow pace, so progress moves smoothly.
        int batchSize = eventsPerSecond > 0
                ? Math.max(1, Math.min(settings.batchSize(), eventsPerSecond / 5))
                : settings.batchSize();
        Rebuild rebuild = new Rebuild(
                readModel,
                jdbc,
                serializerFor(readModel),
                liveTokens,
                batchSize,
                settings.readers(),
                eventsPerSecond,
                deadLetters);
        ShadowTables shadow = null;
        String holder = LiveTokens.holder(id);
        node.holding(holder);
        try {
            shadow = new ShadowTables(
                    ownConnections(settings.segments()),
                    RebuildNode.schemaOf(id),
                    readModel.tables(),
                    readModel.deferUniqueIndexes(),
                    readModel.uniqueIndexesAfterLoad(),
                    readModel.indexesForWriting());
            List<Comparison> compared = rebuild.run(
                    shadow,
                    (done, total) -> {
                        long now = System.nanoTime();
                        latest[0] = done;
                        latest[1] = total;
                        latest[2] = now;
                        if (now - lastWrite[0] >= PROGRESS_EVERY_NANOS) {
                            lastWrite[0] = now;
                            progress(id, done, total, started, now);
                        }
                    },
                    id,
                    settings.letGoGrace(),
                    (swap, comparison) -> {
                        progress(id, latest[0], latest[1], started, latest[2]);
                        // A scrub is complete only once no dead copy of a row is left: after the vacuum.
                        complete(
                                swap,
                                id,
                                json.writeValueAsString(
                                        scrub
                                                ? comparison.stream()
                                                        .map(Comparison::withoutSamples)
                                                        .toList()
                                                : comparison),
                                !scrub);
                    });
            if (scrub) {
                readModel.tables().forEach(table -> jdbc.execute("vacuum " + table));
                jdbc.update(
                        "update replay_run set state = 'COMPLETED', finished_at = ? where id = ? and state = 'RUNNING'",
                        Timestamp.from(clock.instant()),
                        id);
            }
            // Sample rows are personal data: they stay in the run's report, never in the log.
            LOG.info(
                    "Rebuilt read model {} (run {}, {} events): {}",
                    readModel.name(),
                    id,
                    latest[0],
                    compared.stream().map(Comparison::withoutSamples).toList());
        } catch (Exception e) {
            if (cancelled(e)) {
                LOG.info("Stopped rebuilding read model {} (run {}): it was cancelled", readModel.name(), id);
                return;
            }
            // Described without data: PostgreSQL's messages quote the rows they refuse.
            String why = ProjectionFailure.of(e).getMessage();
            LOG.error("Rebuilding read model {} failed (run {}): {}", readModel.name(), id, why);
            // A run another node has already failed keeps the reason that node gave.
            jdbc.update(
                    "update replay_run set state = 'FAILED', finished_at = ?, error = ? where id = ? and state = 'RUNNING'",
                    Timestamp.from(clock.instant()),
                    why,
                    id);
        } finally {
            node.released(holder);
            releaseQuietly(holder);
            dropQuietly(shadow, id);
            ended(readModel, kind);
        }
    }

    /** Whatever its outcome: a back-fill still owed may have to start again. */
    record RunEnded(String readModel, String kind) {}

    private void ended(Rebuildable readModel, String kind) {
        try {
            events.publishEvent(new RunEnded(readModel.name(), kind));
        } catch (RuntimeException stopping) {
            // The node is stopping; the next start looks at every back-fill still owed.
            LOG.warn("Could not look for a back-fill owed by read model {}", readModel.name(), stopping);
        }
    }

    /**
     * In the swap's transaction, so the swap stands only if the run is still this node's and
     * still running: a node that took it for dead (its heartbeat stale) has failed it, and its
     * tables must then stay as they are.
     */
    private void complete(Connection swap, UUID id, String report, boolean finished) throws SQLException {
        try (PreparedStatement done = swap.prepareStatement("update public.replay_run set state = "
                + (finished ? "'COMPLETED'" : "state") + ", finished_at = ?, report = ? "
                + "where id = ? and state = 'RUNNING' and owner_node = ?")) {
            done.setTimestamp(1, finished ? Timestamp.from(clock.instant()) : null);
            done.setString(2, report);
            done.setObject(3, id);
            done.setString(4, node.id());
            if (done.executeUpdate() != 1) {
                throw new IllegalStateException("The run was failed while it ran: its node was taken for dead");
            }
        }
    }

    private void releaseQuietly(String holder) {
        try {
            liveTokens.release(holder);
        } catch (Exception e) {
            LOG.warn("Could not release the hold {}; it lapses with the token claim timeout", holder, e);
        }
    }

    /** A finished run stays finished if its scratch tables cannot be dropped; the next start drops them. */
    private static void dropQuietly(ShadowTables shadow, UUID id) {
        if (shadow == null) {
            return;
        }
        try {
            shadow.close();
        } catch (Exception e) {
            LOG.warn("Could not drop the shadow tables of rebuild {}; they go at the next start", id, e);
        }
    }

    private void progress(UUID id, long done, long total, long startedNanos, long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - startedNanos) / 1e9);
        // Not the heartbeat: progress stops while the last stretch compares and swaps.
        int running = jdbc.update(
                "update replay_run set events_done = ?, events_total = ?, events_per_second = ? "
                        + "where id = ? and state = 'RUNNING'",
                done,
                Math.max(done, total),
                done / seconds,
                id);
        if (running == 0) {
            throw new Cancelled();
        }
    }

    private List<Connection> ownConnections(int count) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(ownConnection());
        }
        return connections;
    }

    /** Not from the pool: its search_path points at the shadow tables and must never be reused. */
    private Connection ownConnection() throws SQLException {
        Properties settings = new Properties();
        // Batched inserts go as multi-row statements: most of a projection's batch in one round trip.
        settings.setProperty("reWriteBatchedInserts", "true");
        return UnpooledConnections.open(dataSource, settings)
                .orElseThrow(() -> new IllegalStateException("Rebuilds need the application's Hikari data source"));
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        scrubs.shutdownNow();
    }

    /**
     * A read model that keeps nothing personal never needs a sealed value opened (docs/adr/0017);
     * one that names the event types it reads personal data from opens only theirs (docs/adr/0053).
     */
    private Serializer serializerFor(Rebuildable readModel) {
        if (!(eventSerializer instanceof PersonalDataSerializer personal)) {
            return eventSerializer;
        }
        if (!readModel.holdsPersonalData()) {
            return personal.closed();
        }
        return readModel.opens().isEmpty() ? eventSerializer : personal.openingOnly(readModel.opens());
    }
}
