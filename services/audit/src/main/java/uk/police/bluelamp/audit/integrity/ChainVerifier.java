package uk.police.bluelamp.audit.integrity;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.platform.eventstore.ChainSealer;
import uk.police.bluelamp.platform.eventstore.EventSeal;

/**
 * Walks the chain from the first event, recomputing every seal, and reports the first broken
 * link; then lists events that are not in the chain at all. The head it reaches is logged, so
 * the application log keeps a record outside the database to compare a later head against.
 */
@Component
class ChainVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ChainVerifier.class);
    private static final int MOST_UNCHAINED = 20;

    enum Kind {
        MISSING,
        CHANGED,
        TRUNCATED,
        UNCHAINED
    }

    /** Where the chain first fails: a chain position, a global index or both, as the kind allows. */
    @Schema(name = "ChainBreak")
    record Break(
            @Schema(requiredMode = REQUIRED) Kind kind,
            Long position,
            Long globalIndex,
            @Schema(requiredMode = REQUIRED) String message) {}

    @Schema(name = "ChainHead")
    record Head(
            @Schema(requiredMode = REQUIRED) long position,
            @Schema(requiredMode = REQUIRED) String hash) {}

    @Schema(name = "UnchainedEvent")
    record Unchained(
            @Schema(requiredMode = REQUIRED) long globalIndex,
            @Schema(requiredMode = REQUIRED) String type,
            @Schema(requiredMode = REQUIRED) String aggregateId) {}

    /** {@code head}: absent for an empty chain; {@code firstBreak}: absent when it is intact. */
    @Schema(name = "IntegrityReport")
    record Report(
            @Schema(requiredMode = REQUIRED) boolean ok,
            @Schema(requiredMode = REQUIRED) long eventsVerified,
            Head head,
            Break firstBreak,
            @Schema(requiredMode = REQUIRED) List<Unchained> unchained) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChainSealer sealer;
    /** The longest chain this node has verified: a chain that later ends sooner lost its newest events. */
    private final AtomicReference<Head> longestVerified = new AtomicReference<>();

    ChainVerifier(JdbcTemplate jdbc, TransactionTemplate transactions, ChainSealer sealer) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sealer = sealer;
    }

    Report verify() {
        // Events committed a moment ago and not yet linked are the application's, not forgeries.
        sealer.awaitSealed();
        Walk walk = new Walk();
        // A cursor, not a list: the chain may be millions of events long.
        transactions.executeWithoutResult(tx -> jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select " + EventSeal.COLUMNS + ", chain_position, chain_hash "
                                    + "from domain_event_entry where chain_position is not null order by chain_position");
                    statement.setFetchSize(2_000);
                    return statement;
                },
                row -> {
                    if (walk.broken == null) {
                        walk.next(EventSeal.from(row), row.getLong("chain_position"), row.getBytes("chain_hash"));
                    }
                }));
        List<Unchained> unchained = jdbc.query(
                "select global_index, payload_type, aggregate_identifier from domain_event_entry "
                        + "where chain_position is null order by global_index limit ?",
                (row, n) -> new Unchained(row.getLong(1), simpleName(row.getString(2)), row.getString(3)),
                MOST_UNCHAINED);
        Break first = walk.broken;
        Head longest = longestVerified.get();
        if (first == null && longest != null && walk.position < longest.position()) {
            first = new Break(
                    Kind.TRUNCATED,
                    walk.position + 1,
                    null,
                    "The chain ends at position " + walk.position
                            + " but was verified up to position " + longest.position() + " (head " + longest.hash()
                            + "): the newest events were deleted");
        }
        if (first == null && !unchained.isEmpty()) {
            Unchained forged = unchained.get(0);
            first = new Break(
                    Kind.UNCHAINED,
                    null,
                    forged.globalIndex(),
                    "The event at global index "
                            + forged.globalIndex() + " (" + forged.type()
                            + ") is not in the chain: it was not stored by "
                            + "the application, or was changed before it was linked");
        }
        Head head = walk.position == 0
                ? null
                : new Head(walk.position, HexFormat.of().formatHex(walk.previous));
        Report report = new Report(first == null, walk.verified, head, first, unchained);
        if (walk.broken == null && head != null) {
            longestVerified.accumulateAndGet(
                    head, (old, now) -> old == null || now.position() > old.position() ? now : old);
        }
        if (report.ok()) {
            LOG.info(
                    "Event chain verified: {} events, head {} at position {}",
                    walk.verified,
                    head == null ? "-" : head.hash(),
                    head == null ? 0 : head.position());
        } else {
            LOG.warn("Event chain BROKEN: {}", first.message());
        }
        return report;
    }

    private static final class Walk {
        private long position;
        private byte[] previous = EventSeal.GENESIS;
        private long verified;
        private long lastGoodIndex = -1;
        private Break broken;

        void next(EventSeal event, long storedPosition, byte[] storedHash) {
            long expected = position + 1;
            if (storedPosition != expected) {
                broken = new Break(
                        Kind.MISSING,
                        expected,
                        null,
                        "Chain position " + expected
                                + (storedPosition - expected > 1 ? " to " + (storedPosition - 1) : "") + " is missing: "
                                + (storedPosition - expected) + " event(s) after global index " + lastGoodIndex
                                + " were deleted");
                return;
            }
            if (!Arrays.equals(event.hash(previous, storedPosition), storedHash)) {
                broken = new Break(
                        Kind.CHANGED,
                        storedPosition,
                        event.globalIndex(),
                        "The event at chain position "
                                + storedPosition + " (global index " + event.globalIndex() + ", "
                                + simpleName(event.payloadType())
                                + ") does not match its seal: it, or the link before it, was changed after it was stored");
                return;
            }
            position = storedPosition;
            previous = storedHash;
            lastGoodIndex = event.globalIndex();
            verified++;
        }
    }

    private static String simpleName(String type) {
        return type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }
}
