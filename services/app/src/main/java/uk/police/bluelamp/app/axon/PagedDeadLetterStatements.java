package uk.police.bluelamp.app.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.serialization.Serializer;

/**
 * Axon 4.13's statements, with paging that pages. Its paged queries take the page's offset as a
 * lower bound on the sequence index ({@code sequence_index >= offset}): the second page of
 * claimable sequences asks for heads at index 10 or more, finds none, and so a retry only ever
 * sees the ten least recently touched sequences; a sequence longer than a page is read twice.
 * Here an offset is an offset.
 */
final class PagedDeadLetterStatements<E extends EventMessage<?>> extends DefaultDeadLetterStatementFactory<E> {

    private final DeadLetterSchema schema;

    PagedDeadLetterStatements(DeadLetterSchema schema, Serializer general, Serializer events) {
        super(DefaultDeadLetterStatementFactory.<E>builder()
                .schema(schema)
                .genericSerializer(general)
                .eventSerializer(events));
        this.schema = schema;
    }

    @Override
    public PreparedStatement claimableSequencesStatement(
            Connection connection, String processingGroup, Instant processingStartedLimit, int offset, int maxSize)
            throws SQLException {
        String sql = "SELECT * FROM " + schema.deadLetterTable() + " dl "
                + "WHERE dl." + schema.processingGroupColumn() + "=? "
                + "AND dl." + schema.sequenceIndexColumn() + "=("
                + "SELECT MIN(dl2." + schema.sequenceIndexColumn() + ") FROM " + schema.deadLetterTable() + " dl2 "
                + "WHERE dl2." + schema.processingGroupColumn() + "=dl." + schema.processingGroupColumn() + " "
                + "AND dl2." + schema.sequenceIdentifierColumn() + "=dl." + schema.sequenceIdentifierColumn() + ") "
                + "AND (dl." + schema.processingStartedColumn() + " IS NULL "
                + "OR dl." + schema.processingStartedColumn() + "<?) "
                + "ORDER BY dl." + schema.lastTouchedColumn() + " ASC, dl." + schema.deadLetterIdentifierColumn() + " "
                + "LIMIT ? OFFSET ?";
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setString(1, processingGroup);
        statement.setString(2, DateTimeUtils.formatInstant(processingStartedLimit));
        statement.setInt(3, maxSize);
        statement.setInt(4, offset);
        return statement;
    }

    @Override
    public PreparedStatement letterSequenceStatement(
            Connection connection, String processingGroup, String sequenceId, int offset, int maxSize)
            throws SQLException {
        String sql = "SELECT * FROM " + schema.deadLetterTable() + " "
                + "WHERE " + schema.processingGroupColumn() + "=? "
                + "AND " + schema.sequenceIdentifierColumn() + "=? "
                + "ORDER BY " + schema.sequenceIndexColumn() + " "
                + "LIMIT ? OFFSET ?";
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setString(1, processingGroup);
        statement.setString(2, sequenceId);
        statement.setInt(3, maxSize);
        statement.setInt(4, offset);
        return statement;
    }
}
