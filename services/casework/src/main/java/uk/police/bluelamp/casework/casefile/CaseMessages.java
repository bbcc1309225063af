package uk.police.bluelamp.casework.casefile;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseMessagePosted;

/**
 * Secure messages on a case, read from the case's own events: whoever has just sent one sees
 * it at once, whatever the read models are doing.
 */
@Component
public class CaseMessages {

    public record Message(String id, String from, String author, String text, Instant at) {}

    private final EventStore eventStore;

    CaseMessages(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<Message> of(String reference) {
        return from(eventStore.readEvents(reference).asStream());
    }

    static List<Message> from(Stream<? extends DomainEventMessage<?>> events) {
        return events.map(DomainEventMessage::getPayload)
                .filter(CaseMessagePosted.class::isInstance)
                .map(CaseMessagePosted.class::cast)
                .map(m -> new Message(m.messageId(), m.from().name(), m.author(), m.text(), m.at()))
                .toList();
    }
}
