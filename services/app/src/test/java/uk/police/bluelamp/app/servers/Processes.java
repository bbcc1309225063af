package uk.police.bluelamp.app.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the server fixtures share: scratch folders, free ports, commands that must succeed. */
final class Processes {

    private Processes() {}

    /** Under /tmp, not target: a server running as another user must reach it (the worktree may not be). */
    static Path scratchFolder(String prefix) {
        try {
            return Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void handToPostgres(Path folder) {
        if (runningAsRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()), null);
        }
    }

    /** Asks a server to stop, then makes it, and drops its scratch folder. */
    static void stop(Process process, Path folder) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delete(folder);
    }

    /** Runs a command to its end; a failure carries what it printed. */
    static void run(List<String> command, Path log) {
        try {
            Path output = log != null ? log : Files.createTempFile("bluelamp-command-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            String printed = Files.exists(output) ? Files.readString(output) : "";
            if (log == null) {
                Files.deleteIfExists(output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + printed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }
}
