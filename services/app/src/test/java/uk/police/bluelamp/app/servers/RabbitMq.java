package uk.police.bluelamp.app.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real RabbitMQ 3.10 (Debian's rabbitmq-server) with its STOMP plugin, run as a process of the
 * test in a scratch folder: its own node name, Erlang cookie, epmd, data, logs, plugins and
 * config, on free ports. It neither needs nor disturbs a system instance that the package's
 * postinst may have started. stop() and start() make a broker blip on the same ports and data.
 */
public final class RabbitMq implements AutoCloseable {

    private static final Path SERVER_SCRIPT = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
    private static final Path CTL_SCRIPT = Path.of("/usr/lib/rabbitmq/bin/rabbitmqctl");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path folder;
    private final String nodeName;
    private final String login = "relay";
    private final String passcode = "relay-" + UUID.randomUUID();
    private final int amqpPort;
    private final int stompPort;
    private final int distributionPort;
    private final int epmdPort;
    private final Thread cleanupOnExit;

    private Process epmd;
    private Process broker;
    private Duration lastStartTime;

    /** Starts a broker and returns once its STOMP port accepts the relay's login. */
    public RabbitMq() {
        try {
            folder = Files.createTempDirectory("bluelamp-rabbitmq-");
            List<Integer> ports = freePorts(4);
            amqpPort = ports.get(0);
            stompPort = ports.get(1);
            distributionPort = ports.get(2);
            epmdPort = ports.get(3);
            checkInstalled();
            writeConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nodeName = "bluelamp-test-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
        cleanupOnExit = new Thread(this::killAndDelete, "rabbitmq-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        try {
            start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void checkInstalled() {
        if (!Files.isExecutable(SERVER_SCRIPT)) {
            throw new IllegalStateException(SERVER_SCRIPT + " is missing: run .ci/ensure-test-tools "
                    + "(it installs Debian's rabbitmq-server)");
        }
    }

    public int stompPort() {
        return stompPort;
    }

    public String login() {
        return login;
    }

    public String passcode() {
        return passcode;
    }

    /** How long the last start took until STOMP answered. */
    public Duration lastStartTime() {
        return lastStartTime;
    }

    /** Properties that point an app node's STOMP relay at this broker. */
    public Map<String, Object> relayProperties() {
        return Map.of(
                "bluelamp.stomp.relay-host", "127.0.0.1",
                "bluelamp.stomp.relay-port", stompPort,
                "bluelamp.stomp.relay-login", login,
                "bluelamp.stomp.relay-passcode", passcode);
    }

    /**
     * Ends the one STOMP connection that comes from {@code clientPort} as RabbitMQ does when the
     * AMQP connection behind it dies (an ERROR frame, then the close); the others stay up.
     */
    public void cutStompConnectionFrom(int clientPort) {
        String pid = ctl("list_stomp_connections", "connection", "peer_port")
                .lines()
                .map(line -> line.split("\t"))
                .filter(columns -> columns.length == 2 && columns[1].trim().equals(String.valueOf(clientPort)))
                .map(columns -> columns[0].trim())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no STOMP connection from port " + clientPort));
        ctl("eval", "exit(rabbit_misc:string_to_pid(\"" + pid + "\"), kill).");
    }

    /** rabbitmqctl against this broker, with its cookie and plugins; the command's output. */
    private String ctl(String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(CTL_SCRIPT.toString(), "-q", "-n", nodeName));
        line.addAll(List.of(command));
        ProcessBuilder ctl = new ProcessBuilder(line).redirectErrorStream(true);
        brokersEnvironment(ctl);
        try {
            Process process = ctl.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server and rabbitmqctl both need to find this broker: its home (cookie), epmd and plugins. */
    private Map<String, String> brokersEnvironment(ProcessBuilder process) {
        Map<String, String> env = process.environment();
        env.keySet().removeIf(name -> name.startsWith("RABBITMQ_") || name.startsWith("ERL_"));
        env.put("HOME", folder.toString());
        env.put("ERL_EPMD_PORT", String.valueOf(epmdPort));
        env.put(
                "RABBITMQ_ENABLED_PLUGINS_FILE",
                folder.resolve("enabled_plugins").toString());
        return env;
    }

    /** The broker gone at once (SIGKILL, as a crash or a network cut looks to its clients). */
    public synchronized void stop() {
        kill(broker);
        broker = null;
    }

    /**
     * Starts the broker again on the same ports and data, after stop(); returns once STOMP
     * accepts the relay's login. Does nothing while it runs.
     */
    public synchronized void start() {
        if (broker != null && broker.isAlive()) {
            return;
        }
        Instant begun = Instant.now();
        try {
            if (epmd == null || !epmd.isAlive()) {
                epmd = new ProcessBuilder("epmd", "-port", String.valueOf(epmdPort))
                        .redirectErrorStream(true)
                        .redirectOutput(folder.resolve("epmd.log").toFile())
                        .start();
                awaitPort(epmdPort, epmd, begun);
            }
            ProcessBuilder server = new ProcessBuilder(SERVER_SCRIPT.toString())
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            folder.resolve("console.log").toFile()));
            Map<String, String> env = brokersEnvironment(server);
            env.put("RABBITMQ_NODENAME", nodeName);
            env.put("RABBITMQ_DIST_PORT", String.valueOf(distributionPort));
            env.put("RABBITMQ_MNESIA_BASE", folder.resolve("mnesia").toString());
            env.put("RABBITMQ_LOG_BASE", folder.resolve("log").toString());
            env.put("RABBITMQ_CONFIG_FILE", folder.resolve("rabbitmq.conf").toString());
            env.put(
                    "RABBITMQ_ADVANCED_CONFIG_FILE",
                    folder.resolve("advanced.config").toString());
            env.put(
                    "RABBITMQ_CONF_ENV_FILE",
                    folder.resolve("rabbitmq-env.conf").toString());
            env.put("RABBITMQ_PID_FILE", folder.resolve("rabbitmq.pid").toString());
            broker = server.start();
            awaitStompLogin(begun);
            lastStartTime = Duration.between(begun, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the broker and its epmd and deletes the folder. */
    @Override
    public void close() {
        killAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private synchronized void killAndDelete() {
        kill(broker);
        kill(epmd);
        broker = null;
        epmd = null;
        deleteFolder();
    }

    private void writeConfiguration() throws IOException {
        Files.writeString(
                folder.resolve("rabbitmq.conf"),
                String.join(
                        "\n",
                        "listeners.tcp.1 = 127.0.0.1:" + amqpPort,
                        "stomp.listeners.tcp.1 = 127.0.0.1:" + stompPort,
                        "default_user = " + login,
                        "default_pass = " + passcode,
                        "loopback_users = none",
                        "log.console = false",
                        ""));
        Files.writeString(folder.resolve("enabled_plugins"), "[rabbitmq_stomp].\n");
    }

    private void awaitStompLogin(Instant begun) {
        // The STOMP listener opens a moment before the broker has its users: wait for CONNECTED.
        while (!stompAcceptsLogin()) {
            checkStillStarting(broker, begun);
            pause();
        }
    }

    private boolean stompAcceptsLogin() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", stompPort), 500);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT\naccept-version:1.2\nhost:/\nlogin:" + login + "\npasscode:" + passcode + "\n\n\0")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[9];
            int read = in.readNBytes(answer, 0, answer.length);
            return new String(answer, 0, read, StandardCharsets.UTF_8).equals("CONNECTED");
        } catch (IOException notYet) {
            return false;
        }
    }

    private void awaitPort(int port, Process process, Instant begun) {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                checkStillStarting(process, begun);
                pause();
            }
        }
    }

    private void checkStillStarting(Process process, Instant begun) {
        if (!process.isAlive()) {
            throw new IllegalStateException("RabbitMQ did not start (exit " + process.exitValue() + "); see "
                    + folder.resolve("console.log") + "\n" + consoleTail());
        }
        if (Duration.between(begun, Instant.now()).compareTo(START_TIMEOUT) > 0) {
            throw new IllegalStateException(
                    "RabbitMQ did not answer STOMP within " + START_TIMEOUT + "\n" + consoleTail());
        }
    }

    private String consoleTail() {
        try {
            String console = Files.readString(folder.resolve("console.log"));
            return console.substring(Math.max(0, console.length() - 4000));
        } catch (IOException e) {
            return "(no console log)";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while RabbitMQ was starting", e);
        }
    }

    /** The script runs the Erlang VM as its child: kill the whole tree, then wait for it to go. */
    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    private void deleteFolder() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a scratch folder under the temp directory: left for the OS if it cannot go now
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        // Held open together so the same port is not handed out twice.
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            }
            return Stream.of(sockets).map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
