package uk.police.bluelamp.casework.casefile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.event.CaseMessagePosted;

/**
 * Secure messages on a case, read from the case's own events: whoever has just sent one sees
 * it at once, whatever the read models are doing.
 */
@Component
public class CaseMessages {

    /** author: the handler's username, absent for the citizen's messages. */
    @Schema(name = "CaseViewMessage")
    public record Message(
            @Schema(requiredMode = REQUIRED) String id,

            @Schema(requiredMode = REQUIRED, implementation = MessageAuthor.class)
            String from,

            String author,
            @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED) Instant at) {}

    private final EventStore eventStore;

    CaseMessages(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<Message> of(String reference) {
        return from(eventStore.readEvents(reference, 0).asStream());
    }

    static List<Message> from(Stream<? extends DomainEventMessage<?>> events) {
        return events.map(DomainEventMessage::getPayload)
                .filter(CaseMessagePosted.class::isInstance)
                .map(CaseMessagePosted.class::cast)
                .map(m -> new Message(m.messageId(), m.from().name(), m.author(), m.text(), m.at()))
                .toList();
    }
}
