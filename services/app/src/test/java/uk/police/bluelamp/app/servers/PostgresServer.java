package uk.police.bluelamp.app.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from Debian's packages, as an operator runs one for several nodes: its own
 * cluster in a scratch folder, on a free port, its socket in that folder (so it never meets a
 * server the package may have started), deleted when closed. PostgreSQL refuses to run as root,
 * so under root it runs as the package's postgres user.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "bluelamp";
    public static final String USER = "bluelamp";
    public static final String PASSWORD = "cluster-test-password";

    private final Path folder;
    private final Path bin;
    private final int port;

    private PostgresServer(Path folder, Path bin, int port) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
    }

    /** fsync off makes the suite faster and changes nothing a process crash can show; benchmarks keep it on. */
    public static PostgresServer start(boolean fsync) {
        Path bin = binaries();
        Path folder = Processes.scratchFolder("bluelamp-postgres-");
        try {
            Path data = folder.resolve("data");
            Path passwordFile = folder.resolve("password");
            Files.writeString(passwordFile, PASSWORD);
            Processes.handToPostgres(folder);
            Processes.run(
                    asPostgres(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            USER,
                            "--pwfile=" + passwordFile,
                            "--auth-local=trust",
                            "--auth-host=scram-sha-256",
                            "--encoding=UTF8",
                            "--locale=C.UTF-8",
                            "--no-sync"),
                    folder.resolve("initdb.log"));
            Files.delete(passwordFile);
            for (int attempt = 0; ; attempt++) {
                int port = Processes.freePort();
                try {
                    Processes.run(
                            asPostgres(
                                    bin.resolve("pg_ctl").toString(),
                                    "-D",
                                    data.toString(),
                                    "-w",
                                    "-t",
                                    "60",
                                    "-l",
                                    folder.resolve("postgres.log").toString(),
                                    "start",
                                    "-o",
                                    "-p " + port + " -k " + folder
                                            + " -c listen_addresses=127.0.0.1 -c max_connections=200" + " -c fsync="
                                            + (fsync ? "on" : "off")),
                            folder.resolve("pg_ctl.log"));
                    PostgresServer server = new PostgresServer(folder, bin, port);
                    server.createDatabase();
                    return server;
                } catch (IllegalStateException portTakenMeanwhile) {
                    if (attempt == 3) {
                        throw portTakenMeanwhile;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabase() {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database; see " + folder, e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            Processes.run(
                    asPostgres(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            folder.resolve("data").toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "stop"),
                    folder.resolve("pg_ctl-stop.log"));
        } finally {
            Processes.delete(folder);
        }
    }

    /** The newest PostgreSQL the packages installed (/usr/lib/postgresql/15/bin on Debian 12). */
    private static Path binaries() {
        Path versions = Paths.get("/usr/lib/postgresql");
        try (Stream<Path> installed = Files.isDirectory(versions) ? Files.list(versions) : Stream.empty()) {
            return installed
                    .map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin ->
                            Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException(
                            "No PostgreSQL server under /usr/lib/postgresql: run .ci/ensure-test-tools"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (Processes.runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }
}
