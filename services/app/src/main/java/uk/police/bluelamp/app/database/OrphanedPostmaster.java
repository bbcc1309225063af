package uk.police.bluelamp.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the app is killed (SIGKILL, power loss of the JVM only) its embedded PostgreSQL keeps
 * running and holds the data directory. Starting another one would wait on that lock, so we
 * ask the orphan for a fast shutdown first; PostgreSQL's own recovery then makes the restart
 * safe. A stale pid file whose process is gone is left to PostgreSQL, which clears it itself.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path dataDirectory) {
        findPostmaster(dataDirectory).ifPresent(postmaster -> {
            log.warn(
                    "Found PostgreSQL (pid {}) still running on {} from an earlier run that did not stop cleanly; "
                            + "shutting it down before starting again",
                    postmaster.pid(),
                    dataDirectory);
            signal(postmaster.pid(), "INT");
            if (!waitForExit(postmaster, FAST_SHUTDOWN_WAIT)) {
                log.warn("PostgreSQL (pid {}) ignored the fast shutdown; stopping it immediately", postmaster.pid());
                signal(postmaster.pid(), "QUIT");
                if (!waitForExit(postmaster, FAST_SHUTDOWN_WAIT)) {
                    postmaster.destroyForcibly();
                    waitForExit(postmaster, FAST_SHUTDOWN_WAIT);
                }
            }
        });
    }

    static Optional<ProcessHandle> findPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            // A pid can be reused after a reboot: only a live postgres process is ours to stop.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not read {}: {}", pidFile, e.getMessage());
            return Optional.empty();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not signal pid {}: {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
