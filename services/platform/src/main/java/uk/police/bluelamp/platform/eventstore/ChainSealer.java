package uk.police.bluelamp.platform.eventstore;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.platform.database.UnpooledConnections;

/**
 * Links committed events into the chain, many commits per sealing transaction, so appends no
 * longer take turns through their own fsync'd commit (docs/adr/0048). One thread per node; the
 * nodes' sealers take turns on a lock. A committer waits (briefly) until its events are linked,
 * so an acknowledged event is sealed as before; events a stopped node left unlinked are linked
 * by the next sweep on any node.
 */
@Component
public class ChainSealer implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ChainSealer.class);
    private static final int BATCH = 2_000;
    private static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final Object monitor = new Object();
    /** Tickets handed to committers, and the highest ticket whose events are surely linked. */
    private long requested;

    private long sealedThrough;
    /** One run at a time on this node, on its one connection: a committer's or the sweep's. */
    private boolean sealing;

    private volatile boolean running = true;
    private Connection connection;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();

    ChainSealer(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::loop, "chain-sealer");
        thread.setDaemon(true);
    }

    /** Once the schema is migrated; or at the first commit, should one come sooner. */
    @Override
    public void afterSingletonsInstantiated() {
        if (started.compareAndSet(false, true)) {
            thread.start();
        }
    }

    /**
     * Returns once every event committed before the call is linked, by this node or another; or
     * after {@link #LONGEST_WAIT}, the events then linked by a later sweep (they are committed).
     * The first committer to find no run in progress seals for everyone waiting (as PostgreSQL's
     * own group commit does): no hand-over to another thread on the way.
     */
    public void awaitSealed() {
        afterSingletonsInstantiated();
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        long ticket;
        synchronized (monitor) {
            ticket = ++requested;
        }
        while (true) {
            long through;
            synchronized (monitor) {
                while (sealedThrough < ticket && sealing && running) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn(
                                "Committed events were not linked into the chain within {}: a sweep will",
                                LONGEST_WAIT);
                        return;
                    }
                    try {
                        monitor.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (sealedThrough >= ticket || !running) {
                    return;
                }
                sealing = true;
                through = requested;
            }
            if (!sealThrough(through)) {
                return;
            }
        }
    }

    /** The sweep: for events a node stopped between its commit and its seal left unlinked. */
    private void loop() {
        while (running) {
            long through;
            synchronized (monitor) {
                // Woken by every run's end too: a sweep is due a whole period later all the same.
                long due = System.nanoTime() + SWEEP.toNanos();
                for (long left = SWEEP.toNanos(); left > 0 && running; left = due - System.nanoTime()) {
                    waitOn(Duration.ofNanos(left));
                }
                if (sealing || !running) {
                    continue;
                }
                sealing = true;
                through = requested;
            }
            sealThrough(through);
        }
    }

    /** The caller has set {@code sealing}; false when the run failed (a later sweep tries again). */
    private boolean sealThrough(long through) {
        boolean sealed = false;
        try {
            sealEverythingCommitted();
            sealed = true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not link committed events into the chain; the next sweep tries again", e);
            closeConnection();
        } finally {
            synchronized (monitor) {
                if (sealed) {
                    sealedThrough = Math.max(sealedThrough, through);
                }
                sealing = false;
                monitor.notifyAll();
            }
        }
        return sealed;
    }

    /**
     * Every marked event committed before this starts: the select runs after the lock, so it sees
     * every commit made before it, linked by another node meanwhile or still to link.
     */
    private void sealEverythingCommitted() throws SQLException {
        Connection jdbc = connection();
        int looked;
        do {
            try {
                EventChain.lockForSealing(jdbc);
                looked = EventChain.sealMarked(jdbc, BATCH);
                jdbc.commit();
            } catch (SQLException | RuntimeException e) {
                jdbc.rollback();
                throw e;
            }
        } while (looked == BATCH);
    }

    static void refused(EventSeal event) {
        LOG.warn(
                "The event at global index {} ({}) was changed after it was stored and is left out of the chain",
                event.globalIndex(),
                event.payloadType());
    }

    /** Not from the pool: committers hold pooled connections while they wait for this one. */
    private Connection connection() throws SQLException {
        if (connection == null) {
            Optional<Connection> unpooled = UnpooledConnections.open(dataSource, new Properties());
            connection = unpooled.isPresent() ? unpooled.get() : dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // it is being replaced
        }
        connection = null;
    }

    private void waitOn(Duration duration) {
        try {
            monitor.wait(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (started.get()) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
        closeConnection();
    }
}
