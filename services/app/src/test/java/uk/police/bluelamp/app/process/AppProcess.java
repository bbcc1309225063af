package uk.police.bluelamp.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application as a real operating-system process, as a user runs it with the
 * README's command: so a test can kill it with SIGKILL and start it again on the same data.
 */
public final class AppProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Blue Lamp is running at http://localhost:(\\d+)/");

    private final Process process;
    private final Path log;
    private int port;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Every citizen these tests play comes from this one address, so the public rate limits are
     * raised out of the way here; RateLimitTest checks the production figures.
     */
    private static final List<String> ONE_ADDRESS_FOR_EVERYONE = Stream.concat(
                    Stream.of("report", "chat-start", "chat", "callback", "tracking", "cti", "figures", "signpost")
                            .map(group -> "--bluelamp.rate-limits." + group + ".per-client.capacity=1000000"),
                    Stream.of(
                            "--bluelamp.rate-limits.chat.per-reference.capacity=1000000",
                            "--bluelamp.tracking-lockout.per-client.free-failures=1000000",
                            "--bluelamp.rate-limits.sign-in.per-client.capacity=1000000",
                            "--bluelamp.rate-limits.sign-in.per-username.capacity=1000000"))
            .toList();

    /**
     * Starts the app on a port of its own choosing: a port picked here in advance can be taken
     * meanwhile by one of the app's own outgoing connections (to PostgreSQL, say).
     */
    public static AppProcess start(Path dataDir, Path log) {
        return start(dataDir, log, List.of());
    }

    public static AppProcess start(Path dataDir, Path log, List<String> extraArguments) {
        return start(dataDir, log, extraArguments, Map.of());
    }

    /**
     * With settings in the environment, as an operator gives them (SPRING_DATASOURCE_URL, ...).
     * An argument given here replaces the raised limit of the same name.
     */
    public static AppProcess start(
            Path dataDir, Path log, List<String> extraArguments, Map<String, String> environment) {
        Path jar = Paths.get(System.getProperty("bluelamp.app-jar", "target/blue-lamp.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "The packaged app is missing at " + jar + ": run the tests with './mvnw verify'");
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
            // The test build's JIT and collector (pom.xml, test.jvm.options); none when measuring.
            Arrays.stream(System.getProperty("bluelamp.app-jvm-options", "").split("\\s+"))
                    .filter(option -> !option.isBlank())
                    .forEach(command::add);
            command.addAll(List.of(
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "--server.port=0",
                    "--bluelamp.data-dir=" + dataDir.toAbsolutePath()));
            ONE_ADDRESS_FOR_EVERYONE.stream()
                    .filter(raised -> extraArguments.stream()
                            .noneMatch(given -> given.startsWith(raised.substring(0, raised.indexOf('=') + 1))))
                    .forEach(command::add);
            command.addAll(extraArguments);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new AppProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path testDir(String name) {
        try {
            Path target = Paths.get("target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the app says where it listens and answers its health check; fails at once if it dies. */
    public AppProcess awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + "; see " + log);
            }
            if (port == 0) {
                port = announcedPort();
                sleep(Duration.ofMillis(250));
                continue;
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        // Stopped, not left behind: an app that never answered would hold its port, its
        // embedded PostgreSQL and the machine's CPU after its test has failed.
        close();
        throw new IllegalStateException("The app was not ready within " + timeout + "; see " + log);
    }

    private int announcedPort() {
        try {
            Matcher ready = READY.matcher(Files.readString(log));
            return ready.find() ? Integer.parseInt(ready.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running as an orphan. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /**
     * What the app has used of its memory so far (issue 17: it must serve the benchmarks within a
     * 512 MB heap): the heap in use and its cap now, the collections and their pauses, and the
     * process's peak resident set (heap, metaspace, threads and code together), from jstat and /proc.
     */
    public String memory() {
        try {
            Process jstat = new ProcessBuilder(
                            Paths.get(System.getProperty("java.home"), "bin", "jstat")
                                    .toString(),
                            "-gc",
                            String.valueOf(pid()))
                    .redirectErrorStream(true)
                    .start();
            List<String> lines =
                    new String(jstat.getInputStream().readAllBytes()).lines().toList();
            jstat.waitFor();
            String[] names = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            Map<String, Double> gc = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                gc.put(names[i], values[i].equals("-") ? 0 : Double.parseDouble(values[i]));
            }
            double usedMb = (gc.get("S0U") + gc.get("S1U") + gc.get("EU") + gc.get("OU")) / 1024;
            double capMb = (gc.get("S0C") + gc.get("S1C") + gc.get("EC") + gc.get("OC")) / 1024;
            long peakKb = Files.readAllLines(Paths.get("/proc/" + pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
            return String.format(
                    "heap (-Xmx512m): %.0f MB in use of %.0f MB committed; %.0f young and %.0f full collections,"
                            + " %.2f s paused in all; peak resident set %,d MB",
                    usedMb, capMb, gc.get("YGC"), gc.get("FGC"), gc.get("GCT"), peakKb / 1024);
        } catch (IOException | RuntimeException e) {
            return "memory figures unavailable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "memory figures unavailable: interrupted";
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** The PostgreSQL server a data directory's lock file names, if it is still running. */
    public static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(60))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(30));
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
