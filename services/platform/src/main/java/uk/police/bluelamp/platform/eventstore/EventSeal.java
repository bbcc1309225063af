package uk.police.bluelamp.platform.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One stored event as the chain sees it, and its seal: SHA-256 over the previous seal and
 * every stored column, each length-prefixed so no two different rows share an input.
 */
public record EventSeal(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {

    public static final byte[] GENESIS = new byte[32];

    /** The columns {@link #from(ResultSet)} reads, for a select list. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, "
            + "type, time_stamp, payload_type, payload_revision, payload, meta_data";

    public static EventSeal from(ResultSet row) throws SQLException {
        return new EventSeal(
                row.getLong("global_index"),
                row.getString("event_identifier"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("type"),
                row.getString("time_stamp"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getBytes("payload"),
                row.getBytes("meta_data"));
    }

    public byte[] hash(byte[] previous, long position) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(
                ByteBuffer.allocate(16).putLong(position).putLong(globalIndex).array());
        text(sha, eventIdentifier);
        text(sha, aggregateIdentifier);
        sha.update(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        text(sha, type);
        text(sha, timeStamp);
        text(sha, payloadType);
        text(sha, payloadRevision);
        bytes(sha, payload);
        bytes(sha, metaData);
        return sha.digest();
    }

    private static void text(MessageDigest sha, String value) {
        bytes(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha, byte[] value) {
        sha.update(
                ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
