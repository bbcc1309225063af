package uk.police.bluelamp.contact.live;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Pushes to STOMP subscribers only once the change is committed: a console must never show
 * a contact that a rolled-back transaction did not take. Pushes are best effort (ADR 0006,
 * 0022): one that cannot be sent (the broker is down) is dropped, never failing the command
 * that committed; clients fetch what they missed when they reconnect.
 */
@Component
public class LivePush {

    /**
     * A STOMP header on the last frame a topic will ever carry (a chat's end): each subscriber's
     * subscription is ended by the server as that frame goes out to it, on whichever node.
     */
    public static final String LAST = "bluelamp-last";

    private static final Logger log = LoggerFactory.getLogger(LivePush.class);
    private static final AtomicBoolean failing = new AtomicBoolean();

    private final SimpMessagingTemplate broker;
    private final boolean severalNodes;

    LivePush(SimpMessagingTemplate broker, @Value("${bluelamp.stomp.relay-host:}") String relayHost) {
        this.broker = broker;
        this.severalNodes = !relayHost.isBlank();
    }

    public void toTopic(String destination, Object payload) {
        afterCommit(() -> broker.convertAndSend(destination, payload));
    }

    /** The topic's last frame: every subscription to it ends once it has been sent this. */
    public void lastOnTopic(String destination, Object payload) {
        afterCommit(() -> broker.convertAndSend(destination, payload, Map.of(LAST, "true")));
    }

    /**
     * To every session the user has open, on every node. With several nodes each node knows only
     * its own sessions, so the push goes to all of them (Spring's broadcast of user destinations,
     * here used for every push, not only unresolved ones) and each delivers to its own sessions,
     * through its own StreamGuard.
     */
    public void toUser(String user, String destination, Object payload) {
        if (!severalNodes) {
            afterCommit(() -> broker.convertAndSendToUser(user, destination, payload));
        } else {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setNativeHeader(
                    SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, "/user/" + user.replace("/", "%2F") + destination);
            headers.setLeaveMutable(true);
            afterCommit(() -> broker.convertAndSend(Destinations.USER_BROADCAST, payload, headers.getMessageHeaders()));
        }
    }

    static void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bestEffort(send);
                }
            });
        } else {
            bestEffort(send);
        }
    }

    /** One warning per outage, not one per push: a broker down for a minute would flood the log. */
    private static void bestEffort(Runnable send) {
        try {
            send.run();
            if (failing.compareAndSet(true, false)) {
                log.info("Live pushes are being sent again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn(
                        "Live pushes cannot be sent ({}); commands still succeed, clients catch up when they reconnect",
                        e.getClass().getSimpleName());
            } else {
                log.debug("Live push dropped", e);
            }
        }
    }
}
