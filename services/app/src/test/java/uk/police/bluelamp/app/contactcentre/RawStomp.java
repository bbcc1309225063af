package uk.police.bluelamp.app.contactcentre;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * STOMP frames written and read as text: for what a protocol client hides, such as a header with
 * any escape the protocol allows, or a receipt that came twice.
 */
public final class RawStomp implements AutoCloseable {

    private final WebSocketSession session;
    private final List<String> received;
    private final BlockingQueue<String> arrivals;
    /** Completes when the server has handled every frame sent: its DISCONNECT receipt, or the socket closing. */
    private final CompletableFuture<Void> done;

    private RawStomp(
            WebSocketSession session,
            List<String> received,
            BlockingQueue<String> arrivals,
            CompletableFuture<Void> done) {
        this.session = session;
        this.received = received;
        this.arrivals = arrivals;
        this.done = done;
    }

    public static RawStomp connect(int port) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        WebSocketSession session = new StandardWebSocketClient()
                .execute(
                        new TextWebSocketHandler() {
                            @Override
                            protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                                received.add(message.getPayload());
                                arrivals.add(message.getPayload());
                                if (message.getPayload().startsWith("RECEIPT\n")
                                        && message.getPayload().contains("\nreceipt-id:" + DONE + "\n")) {
                                    done.complete(null);
                                }
                            }

                            @Override
                            public void afterConnectionClosed(WebSocketSession s, CloseStatus status) {
                                done.complete(null);
                            }
                        },
                        new WebSocketHttpHeaders(),
                        URI.create("ws://localhost:" + port + "/ws"))
                .get(10, TimeUnit.SECONDS);
        session.setTextMessageSizeLimit(64 * 1024);
        return new RawStomp(session, received, arrivals, done);
    }

    private static final String DONE = "done";

    public void frame(String frame) throws IOException {
        session.sendMessage(new TextMessage(frame + "\0"));
    }

    /** Waits for a frame from the server, such as CONNECTED: a relay drops frames sent before it. */
    public void await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String frame = null; frame == null || !wanted.test(frame); ) {
            long left = deadline - System.nanoTime();
            frame = left > 0 ? arrivals.poll(left, TimeUnit.NANOSECONDS) : null;
            if (frame == null) {
                throw new AssertionError("no such frame within " + timeout + "; received " + received);
            }
        }
    }

    /** Frames are handled in the order sent, so the DISCONNECT's receipt comes after every answer. */
    public void finish() throws Exception {
        if (session.isOpen()) {
            try {
                frame("DISCONNECT\nreceipt:" + DONE + "\n\n");
            } catch (IOException | IllegalStateException closing) {
                // the server closed it first
            }
        }
        done.get(30, TimeUnit.SECONDS);
    }

    /** Every frame the server sent, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        if (session.isOpen()) {
            session.close();
        }
    }
}
