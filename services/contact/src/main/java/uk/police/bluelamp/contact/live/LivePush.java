package uk.police.bluelamp.contact.live;

import java.util.Map;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Pushes to STOMP subscribers only once the change is committed: a console must never show
 * a contact that a rolled-back transaction did not take.
 */
@Component
public class LivePush {

    /**
     * A STOMP header on the last frame a topic will ever carry (a chat's end): each subscriber's
     * subscription is ended by the server as that frame goes out to it, on whichever node.
     */
    public static final String LAST = "bluelamp-last";

    private final SimpMessagingTemplate broker;

    LivePush(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    public void toTopic(String destination, Object payload) {
        afterCommit(() -> broker.convertAndSend(destination, payload));
    }

    /** The topic's last frame: every subscription to it ends once it has been sent this. */
    public void lastOnTopic(String destination, Object payload) {
        afterCommit(() -> broker.convertAndSend(destination, payload, Map.of(LAST, "true")));
    }

    public void toUser(String user, String destination, Object payload) {
        afterCommit(() -> broker.convertAndSendToUser(user, destination, payload));
    }

    static void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
