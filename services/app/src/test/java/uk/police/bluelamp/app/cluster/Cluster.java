package uk.police.bluelamp.app.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import uk.police.bluelamp.app.process.AppProcess;
import uk.police.bluelamp.app.servers.Nginx;
import uk.police.bluelamp.app.servers.PostgresServer;
import uk.police.bluelamp.app.servers.RabbitMq;

/**
 * Two nodes of the packaged app as the README's "Several nodes" runs them: one PostgreSQL
 * server, RabbitMQ with its STOMP plugin for the relay, and nginx doing round-robin in front.
 * Every setting reaches the nodes through the environment variables an operator sets.
 */
final class Cluster implements AutoCloseable {

    /** Two JVMs starting at once on a shared two-core machine: ~40 s alone, minutes beside other builds. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    static final String CTI_TOKEN = "demo-cti-token";

    private final PostgresServer postgres;
    private final RabbitMq rabbit;
    private final List<AppProcess> nodes = new ArrayList<>();
    private final Path logs;
    private Nginx proxy;
    private boolean closed;

    private final List<String> nodeArguments;

    private Cluster(List<String> nodeArguments, PostgresServer postgres, RabbitMq rabbit, Path logs) {
        this.nodeArguments = nodeArguments;
        this.postgres = postgres;
        this.rabbit = rabbit;
        this.logs = logs;
    }

    /**
     * Both nodes start at once, as after a deployment: their migrations must not race. For
     * measuring, PostgreSQL keeps fsync on; for testing it does not (a process crash cannot tell).
     * The nodes' JVM options are the build's (AppProcess): the quick compiler in the test suite,
     * full JIT under -Pbenchmark.
     */
    static Cluster start(boolean forMeasuring, List<String> nodeArguments) {
        Cluster cluster = new Cluster(
                nodeArguments, PostgresServer.start(forMeasuring), new RabbitMq(), AppProcess.testDir("cluster"));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        try {
            for (int node = 0; node < 2; node++) {
                cluster.nodes.add(cluster.startNode(node));
            }
            cluster.nodes.forEach(node -> node.awaitReady(START_TIMEOUT));
            cluster.proxy =
                    Nginx.inFrontOf(cluster.nodes.stream().map(AppProcess::port).toList());
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private AppProcess startNode(int index) {
        String name = ownerPrefix(index) + System.nanoTime();
        Map<String, String> environment = environment();
        // The name it claims segments and beats its heartbeat under, so a test can tell the nodes apart.
        environment.put("BLUELAMP_CLUSTER_NODEID", name);
        return AppProcess.start(logs.resolve(name), logs.resolve(name + ".log"), nodeArguments, environment);
    }

    /** How the token owners and heartbeats of node {@code index} begin, whichever start of it. */
    static String ownerPrefix(int index) {
        return "node-" + (index + 1) + "-";
    }

    /** Starts a node again after kill(), on a new port: the proxy keeps the old one, so go to it directly. */
    AppProcess restart(int index) {
        nodes.set(index, startNode(index).awaitReady(START_TIMEOUT));
        return nodes.get(index);
    }

    /** The variables the README's "Several nodes" section sets. */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        environment.put("BLUELAMP_STOMP_RELAYHOST", "127.0.0.1");
        environment.put("BLUELAMP_STOMP_RELAYPORT", String.valueOf(rabbit.stompPort()));
        environment.put("BLUELAMP_STOMP_RELAYLOGIN", rabbit.login());
        environment.put("BLUELAMP_STOMP_RELAYPASSCODE", rabbit.passcode());
        return environment;
    }

    int proxyPort() {
        return proxy.port();
    }

    AppProcess node(int index) {
        return nodes.get(index);
    }

    int nodePort(int index) {
        return nodes.get(index).port();
    }

    Connection database() throws SQLException {
        return postgres.connect();
    }

    /**
     * The local ports of node {@code index}'s connections to RabbitMQ's STOMP port, read from
     * /proc: its relay's own link, and one per socket a browser holds on it.
     */
    List<Integer> stompLinksOf(int index) throws IOException {
        long pid = nodes.get(index).pid();
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // not a socket of interest any more
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/net/" + table))) {
                String[] columns = line.trim().split("\\s+");
                boolean established = columns.length > 9 && columns[3].equals("01");
                if (established && sockets.contains(columns[9]) && port(columns[2]) == rabbit.stompPort()) {
                    ports.add(port(columns[1]));
                }
            }
        }
        return ports;
    }

    /** The port of an address in /proc/net/tcp: hexadecimal after the colon. */
    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }

    RabbitMq broker() {
        return rabbit;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        nodes.forEach(AppProcess::close);
        nodes.clear();
        rabbit.close();
        postgres.close();
    }
}
