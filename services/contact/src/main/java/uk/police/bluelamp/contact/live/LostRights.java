package uk.police.bluelamp.contact.live;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;

/**
 * A transfer or close stored by this node ends, at once and once committed, the subscriptions
 * this node holds for the handler who lost the chat. It runs in the thread that stored the
 * event (the "live" subscribing processor), so it sees only this node's changes: sockets on
 * other nodes are stopped by StreamGuard at the next frame they are sent.
 */
@Component
@ProcessingGroup("live")
class LostRights {

    private static final Logger log = LoggerFactory.getLogger(LostRights.class);

    private final StreamGuard guard;

    LostRights(StreamGuard guard) {
        this.guard = guard;
    }

    @EventHandler
    void on(ContactTransferred event) {
        recheck(event.contactId());
    }

    @EventHandler
    void on(ContactClosed event) {
        recheck(event.contactId());
    }

    private void recheck(String contactId) {
        LivePush.afterCommit(() -> {
            try {
                guard.recheckChat(contactId);
            } catch (RuntimeException e) {
                log.warn("Could not end this node's subscriptions to a chat at once; each ends at its next frame", e);
            }
        });
    }
}
