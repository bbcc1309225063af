package uk.police.bluelamp.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import uk.police.bluelamp.messages.MetadataKeys;

/**
 * Axon's insert of new events with each row's mark in the same statement: its leaf seal and who,
 * how and when (docs/adr/0048, 0058). The leaf covers the global index, so the batch's indexes
 * are drawn from the table's sequence first, in one round trip. Marking after the insert took a
 * select and an update per row, and the update wrote each row and all its indexes a second time.
 *
 * <p>The columns Axon fills are filled as its own statement does; the timestamp is written as
 * the text Axon writes to this schema's text column, and sealed as that same text.
 */
final class MarkedAppend implements AppendEventsStatementBuilder {

    private volatile String sequence;

    @Override
    public PreparedStatement build(
            Connection connection,
            EventSchema schema,
            Class<?> dataType,
            List<? extends EventMessage<?>> events,
            Serializer serializer,
            TimestampWriter unusedTimestampWriter)
            throws SQLException {
        long[] indexes = reserveIndexes(connection, schema, events.size());
        PreparedStatement insert = connection.prepareStatement("insert into " + schema.domainEventTable() + " ("
                + schema.globalIndexColumn() + ", " + schema.domainEventFields()
                + ", chain_hash, actor, channel, occurred_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        int next = 0;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain
                    ? domain
                    : new GenericDomainEventMessage<>(
                            null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            EventSeal row = new EventSeal(
                    indexes[next++],
                    event.getIdentifier(),
                    event.getAggregateIdentifier(),
                    event.getSequenceNumber(),
                    event.getType(),
                    DateTimeUtils.formatInstant(event.getTimestamp()),
                    payload.getType().getName(),
                    payload.getType().getRevision(),
                    (byte[]) payload.getData(),
                    (byte[]) metaData.getData());
            insert.setLong(1, row.globalIndex());
            insert.setString(2, row.eventIdentifier());
            insert.setString(3, row.aggregateIdentifier());
            insert.setLong(4, row.sequenceNumber());
            insert.setString(5, row.type());
            insert.setString(6, row.timeStamp());
            insert.setString(7, row.payloadType());
            insert.setString(8, row.payloadRevision());
            insert.setBytes(9, row.payload());
            insert.setBytes(10, row.metaData());
            insert.setBytes(11, EventChain.leaf(row));
            insert.setString(12, text(message, MetadataKeys.ACTOR));
            insert.setString(13, text(message, MetadataKeys.CHANNEL));
            insert.setTimestamp(14, Timestamp.from(message.getTimestamp()));
            insert.addBatch();
        }
        return insert;
    }

    /**
     * As many global indexes as events, ascending, from the sequence the column defaults to. The
     * sequence is looked up once: asking the catalog each time cost as much as the draw.
     */
    private long[] reserveIndexes(Connection connection, EventSchema schema, int count) throws SQLException {
        long[] indexes = new long[count];
        try (PreparedStatement reserve = connection.prepareStatement(
                "select nextval(" + sequence(connection, schema) + ") from generate_series(1, ?)")) {
            reserve.setInt(1, count);
            try (ResultSet rows = reserve.executeQuery()) {
                for (int i = 0; i < count && rows.next(); i++) {
                    indexes[i] = rows.getLong(1);
                }
            }
        }
        Arrays.sort(indexes);
        return indexes;
    }

    /** The sequence's name as a quoted literal, safe to put in a statement. */
    private String sequence(Connection connection, EventSchema schema) throws SQLException {
        String known = sequence;
        if (known == null) {
            try (PreparedStatement find =
                    connection.prepareStatement("select quote_literal(pg_get_serial_sequence(?, ?))")) {
                find.setString(1, schema.domainEventTable());
                find.setString(2, schema.globalIndexColumn());
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    known = row.getString(1);
                }
            }
            sequence = known;
        }
        return known;
    }

    private static String text(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
