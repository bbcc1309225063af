package uk.police.bluelamp.messages.casefile;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;

public record ContactAddedToCase(String reference, String contactId, Channel channel, String summary, String by,
                                 Instant at) implements CaseEvent {
}
