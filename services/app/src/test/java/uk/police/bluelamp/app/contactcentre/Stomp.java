package uk.police.bluelamp.app.contactcentre;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import uk.police.bluelamp.app.StaffSession;

/** A real STOMP-over-WebSocket client, as a browser or a handler's console uses the app. */
public final class Stomp implements AutoCloseable {

    private static final ThreadPoolTaskScheduler RECEIPT_TIMER = receiptTimer();

    private final StompSession session;
    private final CompletableFuture<String> error;
    private final String serverHeartBeat;
    private final AtomicLong receipts = new AtomicLong();

    private Stomp(StompSession session, CompletableFuture<String> error, String serverHeartBeat) {
        this.session = session;
        this.error = error;
        this.serverHeartBeat = serverHeartBeat;
    }

    /** The heart-beat header of the server's CONNECTED frame: what it sends and what it expects. */
    public String serverHeartBeat() {
        return serverHeartBeat;
    }

    public static Stomp connect(int port, WebSocketHttpHeaders handshake, StompHeaders connect) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(
                new CompositeMessageConverter(List.of(new RawJson(), new MappingJackson2MessageConverter())));
        client.setTaskScheduler(RECEIPT_TIMER);
        CompletableFuture<String> error = new CompletableFuture<>();
        CompletableFuture<String> heartBeat = new CompletableFuture<>();
        StompSession session = client.connectAsync(
                        "ws://localhost:" + port + "/ws", handshake, connect, new StompSessionHandlerAdapter() {
                            @Override
                            public void afterConnected(StompSession s, StompHeaders connected) {
                                heartBeat.complete(connected.getFirst("heart-beat"));
                            }

                            @Override
                            public Type getPayloadType(StompHeaders headers) {
                                return byte[].class;
                            }

                            @Override
                            public void handleFrame(StompHeaders headers, Object payload) {
                                error.complete("ERROR frame: " + headers.getFirst("message"));
                            }

                            @Override
                            public void handleException(
                                    StompSession s,
                                    StompCommand command,
                                    StompHeaders headers,
                                    byte[] payload,
                                    Throwable exception) {
                                error.complete("exception: " + exception.getMessage());
                            }

                            @Override
                            public void handleTransportError(StompSession s, Throwable exception) {
                                error.complete("transport: " + exception.getMessage());
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        return new Stomp(session, error, heartBeat.get(10, TimeUnit.SECONDS));
    }

    private static ThreadPoolTaskScheduler receiptTimer() {
        var timer = new ThreadPoolTaskScheduler();
        timer.setDaemon(true);
        timer.initialize();
        return timer;
    }

    public static Stomp citizen(int port) throws Exception {
        return connect(port, new WebSocketHttpHeaders(), new StompHeaders());
    }

    public static Stomp staff(int port, StaffSession staff) throws Exception {
        // The token first: fetching one (none since signing in) sets the cookie the handshake sends.
        String csrfToken = staff.csrfToken();
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", staff.cookieHeader());
        handshake.setOrigin("http://localhost:" + port);
        StompHeaders connect = new StompHeaders();
        connect.add("X-XSRF-TOKEN", csrfToken);
        return connect(port, handshake, connect);
    }

    /** Messages on one subscription, in arrival order. */
    public static final class Inbox {
        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

        /** How many messages arrived since last asked. */
        public int drain() {
            return messages.drainTo(new ArrayList<>());
        }

        JsonNode next(Duration timeout) throws InterruptedException {
            JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return message;
        }

        /** The next message, or null if none comes within the timeout. */
        public JsonNode poll(Duration timeout) throws InterruptedException {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        public boolean nothingWithin(Duration timeout) throws InterruptedException {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) == null;
        }

        public JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode message =
                        messages.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (message != null && wanted.test(message)) {
                    return message;
                }
            }
            throw new AssertionError("no matching message within " + timeout);
        }
    }

    /** Subscribes and returns once the server confirms the subscription is live (its RECEIPT). */
    public Inbox subscribe(String destination, String chatToken) {
        CompletableFuture<Void> live = new CompletableFuture<>();
        Inbox inbox = attempt(destination, chatToken, live);
        try {
            live.get(10, TimeUnit.SECONDS);
        } catch (Exception notConfirmed) {
            throw new AssertionError(
                    "subscription to " + destination + " not confirmed: " + errorWithin(Duration.ZERO), notConfirmed);
        }
        return inbox;
    }

    /**
     * Sends a SUBSCRIBE carrying this receipt id and completes when the server confirms it. A
     * refused one gets no receipt (only an access-ended notice), so the id lets a test see the refusal.
     */
    public CompletableFuture<Void> subscribeReceipted(String destination, String chatToken, String receiptId) {
        CompletableFuture<Void> live = new CompletableFuture<>();
        attempt(destination, chatToken, live, receiptId);
        return live;
    }

    /** Sends a SUBSCRIBE without waiting: for subscriptions the server is expected to refuse. */
    public Inbox attempt(String destination, String chatToken) {
        return attempt(destination, chatToken, null, null);
    }

    private Inbox attempt(String destination, String chatToken, CompletableFuture<Void> live) {
        return attempt(destination, chatToken, live, "sub-" + receipts.incrementAndGet());
    }

    private Inbox attempt(String destination, String chatToken, CompletableFuture<Void> live, String receiptId) {
        Inbox inbox = new Inbox();
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        if (chatToken != null) {
            headers.add("chat-token", chatToken);
        }
        if (live != null) {
            headers.setReceipt(receiptId);
        }
        StompSession.Subscription subscription = session.subscribe(headers, new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders h) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders h, Object payload) {
                if (System.getenv("STOMP_DEBUG") != null) {
                    System.err.println("STOMP " + destination + " <- " + payload);
                }
                inbox.messages.add((JsonNode) payload);
            }
        });
        if (live != null) {
            subscription.addReceiptTask(() -> live.complete(null));
        }
        return inbox;
    }

    public void send(String destination, String chatToken, Object payload) {
        send(destination, chatToken, payload, null);
    }

    /** A SEND with a receipt id: the simple broker receipts no SEND, but the server sees the id. */
    public void send(String destination, String chatToken, Object payload, String receiptId) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        if (receiptId != null) {
            headers.setReceipt(receiptId);
        }
        if (chatToken != null) {
            headers.add("chat-token", chatToken);
        }
        session.send(headers, payload);
    }

    /** A SEND with headers of the test's own choosing, as a client other than ours might write them. */
    public void sendWithHeaders(
            String destination, String chatToken, Object payload, Map<String, String> extraHeaders) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        if (chatToken != null) {
            headers.add("chat-token", chatToken);
        }
        extraHeaders.forEach(headers::add);
        session.send(headers, payload);
    }

    /** A SEND whose JSON body is exactly these bytes: text no JSON writer would produce (a lone surrogate, say). */
    public void sendRaw(String destination, String chatToken, byte[] json) {
        sendRaw(destination, chatToken, json, Map.of());
    }

    public void sendRaw(String destination, String chatToken, byte[] json, Map<String, String> extraHeaders) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        if (chatToken != null) {
            headers.add("chat-token", chatToken);
        }
        extraHeaders.forEach(headers::set);
        session.send(headers, json);
    }

    /** Sends a byte[] as the JSON it already is; everything else goes to Jackson. */
    private static final class RawJson extends AbstractMessageConverter {

        RawJson() {
            super(MimeTypeUtils.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return type == byte[].class;
        }

        @Override
        protected Object convertFromInternal(Message<?> message, Class<?> type, Object hint) {
            return message.getPayload();
        }

        @Override
        protected Object convertToInternal(Object payload, MessageHeaders headers, Object hint) {
            return payload;
        }
    }

    /** Subscribes, handing each message over as it arrives (for timing it), once the server confirms. */
    public void onEach(String destination, Consumer<JsonNode> onMessage) throws Exception {
        CompletableFuture<Void> live = new CompletableFuture<>();
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt("sub-" + receipts.incrementAndGet());
        session.subscribe(headers, new StompSessionHandlerAdapter() {
                    @Override
                    public Type getPayloadType(StompHeaders h) {
                        return JsonNode.class;
                    }

                    @Override
                    public void handleFrame(StompHeaders h, Object payload) {
                        onMessage.accept((JsonNode) payload);
                    }
                })
                .addReceiptTask(() -> live.complete(null));
        live.get(10, TimeUnit.SECONDS);
    }

    /** The server's ERROR frame or transport failure, if one comes within the timeout. */
    public String errorWithin(Duration timeout) {
        try {
            return error.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception none) {
            return null;
        }
    }

    StompSession session() {
        return session;
    }

    public boolean connected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (RuntimeException alreadyGone) {
            // the server or the network closed it first
        }
    }
}
