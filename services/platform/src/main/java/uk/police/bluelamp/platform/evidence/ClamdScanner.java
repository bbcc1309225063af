package uk.police.bluelamp.platform.evidence;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * ClamAV's daemon over TCP, by its INSTREAM command: the file goes in length-prefixed chunks as it
 * arrives, a zero-length chunk ends it, and clamd answers {@code stream: OK} or
 * {@code stream: <signature> FOUND}. Anything else (clamd away, its StreamMaxLength passed, an
 * ERROR) is no verdict, and the file is refused.
 */
final class ClamdScanner implements VirusScanner {

    private final String host;
    private final int port;
    private final Duration timeout;

    ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return "ClamAV at " + host + ":" + port;
    }

    @Override
    public Scan start() {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            return new ClamdScan(socket, out);
        } catch (IOException e) {
            close(socket);
            throw unavailable(e);
        }
    }

    private ScannerUnavailable unavailable(IOException e) {
        return new ScannerUnavailable("The virus scanner at " + host + ":" + port + " did not answer", e);
    }

    private final class ClamdScan implements Scan {

        private final Socket socket;
        private final DataOutputStream out;

        ClamdScan(Socket socket, DataOutputStream out) {
            this.socket = socket;
            this.out = out;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return;
            }
            try {
                out.writeInt(length);
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw unavailable(e);
            }
        }

        @Override
        public String infection() {
            String reply;
            try {
                out.writeInt(0);
                out.flush();
                reply = reply(socket.getInputStream());
            } catch (IOException e) {
                throw unavailable(e);
            }
            if (reply.equals("stream: OK")) {
                return null;
            }
            if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
                return reply.substring("stream: ".length(), reply.length() - " FOUND".length());
            }
            throw new ScannerUnavailable(
                    "The virus scanner gave no verdict: " + reply, new UncheckedIOException(new IOException(reply)));
        }

        @Override
        public void close() {
            ClamdScanner.close(socket);
        }
    }

    /** clamd ends a z-command's reply with NUL. */
    private static String reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < 1024) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed: nothing more to do
        }
    }
}
