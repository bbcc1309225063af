package uk.police.bluelamp.app.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

/**
 * ClamAV's daemon from Debian's clamav-daemon, on a free port in a scratch folder, with one
 * signature of its own: the EICAR test file's, written here, since clamd's usual signature
 * download is out of reach. One per test JVM, stopped when the JVM ends; the app reaches it as
 * the force's clamd (bluelamp.evidence.clamd.host and .port).
 */
public final class Clamd {

    /** The anti-virus industry's test file: harmless, and detected by every scanner. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static Clamd instance;

    private final Process process;
    private final Path folder;
    private final int port;

    private Clamd(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    public static synchronized Clamd get() {
        if (instance == null) {
            instance = start();
            Clamd started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    private static Clamd start() {
        if (!Files.isExecutable(Path.of("/usr/sbin/clamd"))) {
            throw new IllegalStateException("clamd is not installed: .ci/ensure-test-tools installs clamav-daemon");
        }
        Path folder = Processes.scratchFolder("bluelamp-clamd-");
        try {
            Path database = Files.createDirectories(folder.resolve("db"));
            // A body signature (.ndb): the EICAR string anywhere in any file.
            Files.writeString(
                    database.resolve("blue-lamp-test.ndb"),
                    "Eicar-Test-Signature:0:*:"
                            + HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII))
                            + "\n");
            for (int attempt = 0; ; attempt++) {
                int port = Processes.freePort();
                Files.writeString(folder.resolve("clamd.conf"), """
                        Foreground yes
                        TCPSocket %d
                        TCPAddr 127.0.0.1
                        DatabaseDirectory %s
                        TemporaryDirectory %s
                        LogFile %s
                        StreamMaxLength 25M
                        """.formatted(
                                port, database, folder, folder.resolve("clamd.log")));
                Process process = new ProcessBuilder(
                                "/usr/sbin/clamd",
                                "-c",
                                folder.resolve("clamd.conf").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(folder.resolve("clamd.out").toFile())
                        .start();
                Clamd clamd = new Clamd(process, folder, port);
                if (clamd.awaitPong(Duration.ofSeconds(60))) {
                    return clamd;
                }
                process.destroyForcibly();
                if (attempt == 3) {
                    throw new IllegalStateException(
                            "clamd did not start: " + Files.readString(folder.resolve("clamd.out")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** clamd listens once its signatures are loaded; PING is answered PONG when it is ready. */
    private boolean awaitPong(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                if (new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG")) {
                    return true;
                }
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void stop() {
        Processes.stop(process, folder);
    }
}
