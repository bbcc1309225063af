package uk.police.bluelamp.contact.live;

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

    private final SimpMessagingTemplate broker;

    LivePush(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    public void toTopic(String destination, Object payload) {
        afterCommit(() -> broker.convertAndSend(destination, payload));
    }

    public void toUser(String user, String destination, Object payload) {
        afterCommit(() -> broker.convertAndSendToUser(user, destination, payload));
    }

    private static void afterCommit(Runnable send) {
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
