package uk.police.bluelamp.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import uk.police.bluelamp.platform.personaldata.OpensSealedValues;

/**
 * The event table as {@link CatchUpStream} reads it: first a window of rows by their position,
 * type and time only, then in full only the rows it still wants, deserialised exactly as the
 * storage engine deserialises them (same serializer, same upcasters: sealed values open the same).
 */
final class OldEvents {

    /**
     * A row seen in a window.
     *
     * @param type its stored type and revision, as {@link #typeOf} gives it; null when the processor skips it
     */
    record Row(long index, String type) {}

    /** A window's rows up to the first one too young to pass over, and whether one was met or the log ended. */
    record Window(List<Row> rows, boolean caughtUp) {}

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final EventSchema schema;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final long gapTimeoutMillis;
    private final String window;
    private final String windowWithGaps;
    private final String next;
    private final String rows;

    OldEvents(
            ConnectionProvider connections,
            TransactionManager transactions,
            EventSchema schema,
            Serializer serializer,
            EventUpcaster upcasters,
            long gapTimeoutMillis) {
        this.connections = connections;
        this.transactions = transactions;
        this.schema = schema;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.gapTimeoutMillis = gapTimeoutMillis;
        String table = schema.domainEventTable();
        String index = schema.globalIndexColumn();
        String type = "case when " + schema.payloadRevisionColumn() + " is null then " + schema.payloadTypeColumn()
                + " else " + schema.payloadTypeColumn() + " || '#' || " + schema.payloadRevisionColumn() + " end";
        // Age and skipping are decided by PostgreSQL: parsing every row's time and hashing every
        // row's type in fifteen processors was most of a catch-up's CPU. ISO instants in UTC
        // compare as text byte by byte ("C"), to within their second.
        String skeleton = "select " + index + ", " + schema.timestampColumn() + " collate \"C\" > ?, case when "
                + type + " = any(?) then null else " + type + " end from " + table + " where (" + index + " > ? and "
                + index + " <= ?)";
        this.window = skeleton + " order by " + index;
        this.windowWithGaps = skeleton + " or " + index + " = any(?) order by " + index;
        this.next = "select min(" + index + ") from " + table + " where " + index + " > ?";
        this.rows = "select "
                + String.join(
                        ", ",
                        index,
                        schema.typeColumn(),
                        schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(),
                        schema.eventIdentifierColumn(),
                        schema.timestampColumn(),
                        schema.payloadTypeColumn(),
                        schema.payloadRevisionColumn(),
                        schema.payloadColumn(),
                        schema.metaDataColumn())
                + " from " + table + " where " + index + " = any(?) order by " + index;
    }

    /** The stored type and revision of the rows that deserialise to this message's payload. */
    String typeOf(TrackedEventMessage<?> message) {
        SerializedType type = serializer.typeForClass(message.getPayloadType());
        return key(type.getName(), type.getRevision());
    }

    /**
     * The rows after {@code after} up to {@code after + size} and the token's gaps, in order, up to
     * the first younger than the gap timeout: only rows past that age may be passed over, as the
     * storage engine passes them. A row of a skipped type comes without its type. A window with no
     * rows jumps to the next row, if any.
     */
    Window window(long after, SortedSet<Long> gaps, int size, Set<String> skipped) {
        // A second earlier than the timeout and whole seconds, so text order errs on the young side.
        String youngest = DateTimeUtils.formatInstant(GenericEventMessage.clock
                .instant()
                .minus(gapTimeoutMillis, ChronoUnit.MILLIS)
                .minusSeconds(1)
                .truncatedTo(ChronoUnit.SECONDS));
        return query(connection -> {
            long from = after;
            while (true) {
                List<Row> found = new ArrayList<>();
                boolean young = false;
                try (PreparedStatement sql = connection.prepareStatement(gaps.isEmpty() ? window : windowWithGaps)) {
                    sql.setString(1, youngest);
                    sql.setArray(2, connection.createArrayOf("text", skipped.toArray()));
                    sql.setLong(3, from);
                    sql.setLong(4, from + size);
                    if (!gaps.isEmpty()) {
                        sql.setArray(5, connection.createArrayOf("bigint", gaps.toArray()));
                    }
                    try (ResultSet result = sql.executeQuery()) {
                        while (!young && result.next()) {
                            young = result.getBoolean(2);
                            if (!young) {
                                found.add(new Row(result.getLong(1), result.getString(3)));
                            }
                        }
                    }
                }
                if (young || !found.isEmpty()) {
                    return new Window(found, young);
                }
                Long nextIndex = nextAfter(connection, from);
                if (nextIndex == null) {
                    return new Window(found, true);
                }
                from = nextIndex - 1;
            }
        });
    }

    /** These rows in full, each with the token the stream reached at it, deserialised lazily. */
    List<TrackedEventMessage<?>> read(List<Row> wanted, List<GapAwareTrackingToken> tokens) {
        Long[] indexes = wanted.stream().map(Row::index).toArray(Long[]::new);
        List<TrackedEventData<?>> data = query(connection -> {
            List<TrackedEventData<?>> found = new ArrayList<>(indexes.length);
            try (PreparedStatement sql = connection.prepareStatement(rows)) {
                sql.setArray(1, connection.createArrayOf("bigint", indexes));
                try (ResultSet result = sql.executeQuery()) {
                    int at = 0;
                    while (result.next()) {
                        long index = result.getLong(1);
                        while (wanted.get(at).index() != index) {
                            at++;
                        }
                        found.add(new TrackedDomainEventData<>(tokens.get(at), entry(result)));
                    }
                }
            }
            return found;
        });
        if (serializer instanceof OpensSealedValues opening) {
            opening.warmKeysFor(data.stream()
                    .map(event -> ((TrackedDomainEventData<?>) event).getAggregateIdentifier())
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
        }
        return EventUtils.upcastAndDeserializeTrackedEvents(data.stream(), serializer, upcasters)
                .toList();
    }

    /** As the storage engine reads a row: an event that is not an aggregate's has its own id as aggregate id. */
    private static GenericDomainEventEntry<byte[]> entry(ResultSet result) throws SQLException {
        String aggregate = result.getString(3);
        String id = result.getString(5);
        return new GenericDomainEventEntry<>(
                result.getString(2),
                id.equals(aggregate) ? null : aggregate,
                result.getLong(4),
                id,
                result.getString(6),
                result.getString(7),
                result.getString(8),
                result.getBytes(9),
                result.getBytes(10));
    }

    private Long nextAfter(Connection connection, long from) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(next)) {
            sql.setLong(1, from);
            try (ResultSet result = sql.executeQuery()) {
                result.next();
                long index = result.getLong(1);
                return result.wasNull() ? null : index;
            }
        }
    }

    private static String key(String type, String revision) {
        return revision == null ? type : type + '#' + revision;
    }

    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(Query<T> query) {
        return transactions.fetchInTransaction(() -> {
            try (Connection connection = connections.getConnection()) {
                return query.run(connection);
            } catch (SQLException e) {
                throw new EventStoreException("Could not read the event log to catch up", e);
            }
        });
    }
}
