package uk.police.bluelamp.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;

/** One row of the event table as stored: what audit screens, exports and rebuilds read. */
public record StoredEvent(
        long globalIndex,
        Long chainPosition,
        String eventId,
        String aggregateId,
        String aggregateType,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData,
        String actor,
        String channel) {

    public static final String COLUMNS = "global_index, chain_position, event_identifier, aggregate_identifier, type, "
            + "sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data, actor, channel";

    public static StoredEvent from(ResultSet row) throws SQLException {
        long position = row.getLong("chain_position");
        return new StoredEvent(
                row.getLong("global_index"),
                row.wasNull() ? null : position,
                row.getString("event_identifier"),
                row.getString("aggregate_identifier"),
                row.getString("type"),
                row.getLong("sequence_number"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getString("time_stamp"),
                row.getBytes("payload"),
                row.getBytes("meta_data"),
                row.getString("actor"),
                row.getString("channel"));
    }

    public Instant occurredAt() {
        return Instant.parse(timeStamp);
    }

    /** The simple name of the event's type, as auditors see it. */
    public String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /** The payload's stored type, as a serializer looks it up. */
    public SerializedType serializedType() {
        return new SimpleSerializedType(payloadType, payloadRevision);
    }

    public Object payload(Serializer serializer) {
        Object value = serializer.deserialize(
                new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision));
        return value instanceof UnknownSerializedType ? null : value;
    }

    public MetaData metaData(Serializer serializer) {
        if (metaData == null) {
            return MetaData.emptyInstance();
        }
        Map<String, ?> values = serializer.deserialize(
                new SimpleSerializedObject<>(metaData, byte[].class, MetaData.class.getName(), null));
        return MetaData.from(values);
    }

    /**
     * As a projection receives it from a tracking processor. The metadata is read only if a
     * handler asks for it: a rebuild's projections take what they need from the payload, and
     * reading every event's metadata was a twentieth of a rebuild's reading (docs/adr/0054).
     */
    public TrackedEventMessage<?> message(Serializer serializer) {
        Object value = payload(serializer);
        Message<Object> message = value == null
                ? new GenericMessage<>(eventId, null, metaData(serializer))
                : new SerializedMessage<>(eventId, new LazyDeserializingObject<>(value), lazyMetaData(serializer));
        // Parsed when asked for: most projections use the moments inside their events.
        return new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(globalIndex),
                aggregateType,
                aggregateId,
                sequenceNumber,
                message,
                this::occurredAt);
    }

    private LazyDeserializingObject<MetaData> lazyMetaData(Serializer serializer) {
        return metaData == null
                ? new LazyDeserializingObject<>(MetaData.emptyInstance())
                : new LazyDeserializingObject<>(
                        new SimpleSerializedObject<>(metaData, byte[].class, MetaData.class.getName(), null),
                        serializer);
    }
}
