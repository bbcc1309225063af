package uk.police.bluelamp.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;

/** A stored row as a rebuild hands it to a projection: everything there, the metadata when read. */
class StoredEventTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();

    @Test
    void aRowReadsAsTheEventItStored() {
        Instant at = Instant.parse("2026-12-06T14:00:00.123456Z");
        ContactAbandoned abandoned = new ContactAbandoned("contact-1", Channel.CHAT, at);
        TrackedEventMessage<?> message = row(
                        serializer.serialize(abandoned, byte[].class).getData(),
                        "{\"correlationId\":\"request-7\",\"actor\":\"handler-2\"}")
                .message(serializer);

        assertThat(message.getIdentifier()).isEqualTo("event-1");
        assertThat(message.getPayload()).isEqualTo(abandoned);
        assertThat(message.getPayloadType()).isEqualTo(ContactAbandoned.class);
        assertThat(message.trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThat(((DomainEventMessage<?>) message).getAggregateIdentifier()).isEqualTo("contact-1");
        assertThat(((DomainEventMessage<?>) message).getSequenceNumber()).isEqualTo(3);
        assertThat(message.getTimestamp()).isEqualTo(Instant.parse("2026-12-06T14:00:01Z"));
        assertThat(message.getMetaData())
                .isEqualTo(MetaData.from(Map.of("correlationId", "request-7", "actor", "handler-2")));
        EventMessage<?> marked = message.andMetaData(Map.of("seen", "yes"));
        assertThat(marked.getMetaData())
                .containsEntry("correlationId", "request-7")
                .containsEntry("seen", "yes");
    }

    @Test
    void aRowWithoutMetadataHasNone() {
        ContactAbandoned abandoned =
                new ContactAbandoned("contact-1", Channel.WEB, Instant.parse("2026-12-06T14:00:00Z"));
        TrackedEventMessage<?> message = row(
                        serializer.serialize(abandoned, byte[].class).getData(), null)
                .message(serializer);

        assertThat(message.getMetaData()).isEmpty();
        assertThat(message.getPayload()).isEqualTo(abandoned);
    }

    private static StoredEvent row(byte[] payload, String metaData) {
        return new StoredEvent(
                41,
                null,
                "event-1",
                "contact-1",
                "Contact",
                3,
                ContactAbandoned.class.getName(),
                null,
                "2026-12-06T14:00:01Z",
                payload,
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8),
                "handler-2",
                "WEB");
    }
}
