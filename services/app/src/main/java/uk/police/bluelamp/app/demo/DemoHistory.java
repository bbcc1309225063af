package uk.police.bluelamp.app.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.app.demo.DemoSimulation.Life;
import uk.police.bluelamp.app.demo.DemoSimulation.Plan;
import uk.police.bluelamp.app.demo.DemoSimulation.Step;
import uk.police.bluelamp.messages.handler.command.SetDisplayName;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.correlation.Correlation;

/**
 * Loads a simulated contact-centre history through the same commands the channels send, each
 * with its own past instant, so every projection (and the reports built on them) sees it as it
 * would a real past. Loaded once per database: the demo handlers' first event is the mark, and
 * a session advisory lock keeps two nodes starting together from both loading it.
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    /** pg_try_advisory_lock's key: "demo" in ASCII, apart from every other lock's key. */
    private static final long LOCK = 0x64656d6fL;
    /** Lives per transaction: the global append lock is held this long, a fraction of a second. */
    static final int BATCH = 20;

    private final Commands commands;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoHistory(Commands commands, DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a load sent. */
    record Loaded(List<Life> contacts, int cutShort, Duration took) {
        long abandoned() {
            return contacts.stream().filter(Life::abandoned).count();
        }
    }

    /** Loads the history from {@code from} to {@code to} unless this database has one, or another node is loading it. */
    Optional<Loaded> loadOnce(Instant from, Instant to, long seed) {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "pg_try_advisory_lock")) {
                log.info("Demo history: another node is loading it");
                return Optional.empty();
            }
            try {
                if (loadedBefore()) {
                    log.info("Demo history: already loaded");
                    return Optional.empty();
                }
                return Optional.of(load(DemoSimulation.plan(from, to, seed), from));
            } finally {
                lock(connection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo history: cannot take its lock", e);
        }
    }

    private static boolean lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private boolean loadedBefore() {
        return jdbc.sql("select exists (select 1 from domain_event_entry where aggregate_identifier = :handler)")
                .param("handler", DemoRota.FIRST_HANDLER)
                .query(Boolean.class)
                .single();
    }

    private Loaded load(Plan plan, Instant from) {
        long started = System.nanoTime();
        List<Life> contacts = plan.contacts();
        log.info("Demo history: loading {} contacts from {}", contacts.size(), from);
        // The mark goes first, so a node that starts while this one loads finds it.
        for (DemoRota.Shift shift : DemoRota.SHIFTS) {
            commands.send(
                    new SetDisplayName(shift.handler(), DemoRota.displayName(shift.handler()), from),
                    Commands.staff(shift.handler()),
                    (Enum<?>) null);
        }
        int cutShort = 0;
        int nextReport = contacts.size() / 10;
        List<Life> lives = plan.lives();
        for (int first = 0; first < lives.size(); first += BATCH) {
            List<Life> batch = lives.subList(first, Math.min(lives.size(), first + BATCH));
            cutShort += send(batch);
            int sent = (int) lives.subList(0, first + batch.size()).stream()
                    .filter(life -> life.contactId() != null)
                    .count();
            if (sent >= nextReport) {
                log.info("Demo history: {} of {} contacts loaded", sent, contacts.size());
                nextReport = sent + Math.max(1, contacts.size() / 10);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info(
                "Demo history: loaded {} contacts ({} commands) in {} s; the projections may take a moment more",
                contacts.size(),
                plan.lives().stream().mapToInt(life -> life.steps().size()).sum(),
                took.toSeconds());
        if (cutShort > 0) {
            log.warn("Demo history: {} lives were cut short by something else acting on them", cutShort);
        }
        return new Loaded(contacts, cutShort, took);
    }

    /**
     * Lives a batch at a time, each batch one transaction: one commit for many commands, which is
     * what makes weeks load in minutes. Something else may act on a contact meanwhile (another
     * node's router, say); the batch is then sent again a life at a time, and a life refused
     * is left out whole. Returns how many were left out.
     */
    private int send(List<Life> batch) {
        try {
            transaction.executeWithoutResult(status -> batch.forEach(this::send));
            return 0;
        } catch (RuntimeException refused) {
            int leftOut = 0;
            for (Life life : batch) {
                try {
                    transaction.executeWithoutResult(status -> send(life));
                } catch (RuntimeException e) {
                    log.debug("Demo history: {} left out: {}", life.contactId(), e.toString());
                    leftOut++;
                }
            }
            return leftOut;
        }
    }

    /** One life, in one correlation, as an auditor would follow it. */
    private void send(Life life) {
        try (Correlation.Scope scope = Correlation.open(UUID.randomUUID().toString())) {
            for (Step step : life.steps()) {
                commands.send(step.command(), step.actor(), step.channel());
            }
        }
    }
}
