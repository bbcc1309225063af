package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ChatEndReason;

/** {@code reason} is null in events stored before it was recorded: read it through {@link #why()}. */
public record ChatEnded(String contactId, ChatAuthor endedBy, String actor, Instant at, ChatEndReason reason)
        implements ContactEvent {

    public ChatEnded(String contactId, ChatAuthor endedBy, String actor, Instant at) {
        this(contactId, endedBy, actor, at, ChatEndReason.ASKED);
    }

    public ChatEndReason why() {
        return reason == null ? ChatEndReason.ASKED : reason;
    }
}
