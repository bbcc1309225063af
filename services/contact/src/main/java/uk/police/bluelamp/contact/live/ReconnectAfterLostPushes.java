package uk.police.bluelamp.contact.live;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * With several nodes, what a node pushes while its own link to RabbitMQ (the relay's system
 * session) is down is dropped (ADR 0022), yet every browser's socket stays up, on every node:
 * RabbitMQ holds each on a link of its own. A browser fetches what it missed only when it
 * reconnects, so once the link is back this node closes its sockets and tells every other node
 * to close theirs; each closes those opened before it heard (docs/adr/0057).
 *
 * <p>The work runs on a thread of its own: the broker's events and messages arrive on the
 * relay's network thread, which a send would wait on and a close's database work would stall.
 */
@Component
public class ReconnectAfterLostPushes implements MessageHandler {

    /** 1012, "service restart": the browser reconnects, as after any drop, and fetches. */
    static final CloseStatus PUSHES_LOST = new CloseStatus(1012, "Reconnect to fetch what was missed");

    private static final String FROM_NODE = "bluelamp-node";
    private static final Logger log = LoggerFactory.getLogger(ReconnectAfterLostPushes.class);

    private final String node = UUID.randomUUID().toString();
    private final AtomicBoolean linkDown = new AtomicBoolean();
    private volatile boolean stopping;
    private final ExecutorService work =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "reconnect-after-lost-pushes"));
    private final LiveSockets sockets;
    private final SimpMessagingTemplate broker;

    ReconnectAfterLostPushes(LiveSockets sockets, SimpMessagingTemplate broker) {
        this.sockets = sockets;
        this.broker = broker;
    }

    /** The relay's link goes when the node shuts down too: no warning for that one. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    @EventListener
    void on(BrokerAvailabilityEvent event) {
        if (!event.isBrokerAvailable()) {
            if (linkDown.compareAndSet(false, true) && !stopping) {
                log.warn("This node's link to the message broker is down: its pushes are dropped until the link"
                        + " is back, and then every node's sockets reconnect to fetch what they missed");
            }
        } else if (linkDown.compareAndSet(true, false)) {
            long heard = System.nanoTime();
            work.execute(() -> {
                int closed = sockets.closeOpenedBefore(heard, PUSHES_LOST);
                try {
                    broker.convertAndSend(Destinations.RECONNECT_BROADCAST, "", Map.of(FROM_NODE, node));
                    log.info(
                            "Link to the message broker is back: this node closed its sockets ({}) and asked"
                                    + " the other nodes to close theirs, so that browsers fetch what they missed",
                            closed);
                } catch (RuntimeException lostAgain) {
                    // The link went again: its return will ask once more.
                    log.warn("Link to the message broker is back but the other nodes could not be told", lostAgain);
                }
            });
        }
    }

    /** Another node's word, through the broker, that its link was down. */
    @Override
    public void handleMessage(Message<?> message) {
        long heard = System.nanoTime();
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        String from = headers.getFirstNativeHeader(FROM_NODE);
        if (from == null || from.equals(node)) {
            return;
        }
        work.execute(() -> log.info(
                "Node {} may have lost pushes while its link to the message broker was down: closed this"
                        + " node's sockets ({}) so that browsers fetch what they missed",
                from,
                sockets.closeOpenedBefore(heard, PUSHES_LOST)));
    }

    @PreDestroy
    void stop() {
        work.shutdownNow();
    }
}
