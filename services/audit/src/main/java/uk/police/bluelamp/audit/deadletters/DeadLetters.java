package uk.police.bluelamp.audit.deadletters;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/**
 * The events projections could not handle, parked with the rest of their sequence (that contact
 * or case) in {@code dead_letter_entry} (docs/adr/0016): listed by their first letter, retried
 * through the processing group's own dead-letter processor, or evicted with a record of who did.
 */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** Axon's claim on a sequence being retried lasts this long. */
    private static final Duration CLAIM = Duration.ofSeconds(30);

    /** The first letter of a parked sequence, as the admin page lists it. */
    public record Parked(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) String readModel,
            @Schema(requiredMode = REQUIRED) String sequence,
            @Schema(requiredMode = REQUIRED) String eventId,
            @Schema(requiredMode = REQUIRED) String eventType,
            String causeType,
            String cause,
            @Schema(requiredMode = REQUIRED) Instant since,
            Instant lastTouched,
            @Schema(requiredMode = REQUIRED) long waitingBehind,
            @Schema(requiredMode = REQUIRED) boolean beingRetried) {}

    public enum Outcome {
        PROJECTED,
        STILL_PARKED,
        NOT_FOUND
    }

    public record Retried(@Schema(requiredMode = REQUIRED) Outcome outcome, Parked deadLetter) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration processing;
    private final DeadLetterSchema schema;
    private final Serializer general;
    private final Serializer events;
    private final Clock clock;

    DeadLetters(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            EventProcessingConfiguration processing,
            DeadLetterSchema schema,
            @Qualifier("serializer") Serializer general,
            @Qualifier("eventSerializer") Serializer events,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.processing = processing;
        this.schema = schema;
        this.general = general;
        this.events = events;
        this.clock = clock;
    }

    /** Every parked sequence, longest parked first. */
    public List<Parked> all() {
        return heads("", new Object[0]);
    }

    public Optional<Parked> find(String id) {
        return jdbc
                .query(
                        "select processing_group, sequence_identifier from dead_letter_entry "
                                + "where dead_letter_identifier = ?",
                        (row, n) -> new String[] {row.getString(1), row.getString(2)},
                        id)
                .stream()
                .findFirst()
                .flatMap(letter -> head(letter[0], letter[1]));
    }

    /** Dead letters (events) by read model, for the gauge and the warning. */
    public Map<String, Long> countByReadModel() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "select processing_group, count(*) from dead_letter_entry group by processing_group "
                        + "order by processing_group",
                (ResultSet row) -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    /** Dead letters (events) of one read model. */
    public long count(String readModel) {
        Long count = jdbc.queryForObject(
                "select count(*) from dead_letter_entry where processing_group = ?", Long.class, readModel);
        return count == null ? 0 : count;
    }

    /**
     * Processes the letter's whole sequence again through its read model's handlers, in order,
     * until one fails. A sequence is claimed in the database while it is retried: a second retry,
     * from this node or another, finds nothing to claim and handles nothing twice.
     */
    public Retried retry(String id, String by) {
        Optional<Parked> parked = find(id);
        if (parked.isEmpty()) {
            return new Retried(Outcome.NOT_FOUND, null);
        }
        Parked letter = parked.get();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(letter.readModel())
                .orElseThrow(() -> new IllegalStateException("No dead-letter processor for " + letter.readModel()));
        log.info(
                "{} retries the dead letters of sequence {} of read model {}",
                by,
                letter.sequence(),
                letter.readModel());
        processor.process(candidate -> candidate instanceof JdbcDeadLetter<?> jdbcLetter
                && jdbcLetter.getSequenceIdentifier().equals(letter.sequence()));
        return head(letter.readModel(), letter.sequence())
                .map(stillThere -> new Retried(Outcome.STILL_PARKED, stillThere))
                .orElseGet(() -> new Retried(Outcome.PROJECTED, null));
    }

    /**
     * Drops one dead letter: its read model will do without that event, and a rebuild honours
     * that. Letters behind it stay parked until retried. False when there is no such letter.
     */
    public boolean evict(String id, String by) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select processing_group, sequence_identifier, "
                            + "event_identifier, payload_type from dead_letter_entry where dead_letter_identifier = ? for update",
                    id);
            if (rows.isEmpty()) {
                return false;
            }
            Map<String, Object> row = rows.get(0);
            jdbc.update("delete from dead_letter_entry where dead_letter_identifier = ?", id);
            jdbc.update(
                    "insert into dead_letter_eviction (event_identifier, processing_group, sequence_identifier, "
                            + "payload_type, evicted_by, evicted_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                    row.get("event_identifier"),
                    row.get("processing_group"),
                    row.get("sequence_identifier"),
                    row.get("payload_type"),
                    by,
                    Timestamp.from(clock.instant()));
            log.warn(
                    "{} evicted event {} from read model {}: that read model will not hold it",
                    by,
                    row.get("event_identifier"),
                    row.get("processing_group"));
            return true;
        }));
    }

    /** Events evicted from a read model, which a rebuild of it leaves out too. */
    public Set<String> evicted(String readModel) {
        return new HashSet<>(jdbc.queryForList(
                "select event_identifier from dead_letter_eviction " + "where processing_group = ?",
                String.class,
                readModel));
    }

    /**
     * After a rebuild, in the transaction that swaps its tables in: the read model's dead letters
     * become what the rebuild parked (each sequence's events in order, the first with its cause).
     */
    public void replace(
            Connection swap,
            String readModel,
            Map<String, List<EventMessage<?>>> parked,
            Map<String, ProjectionFailure> causes)
            throws SQLException {
        try (Statement sql = swap.createStatement()) {
            sql.execute("set local search_path to public");
        }
        // Axon closes the connection after each statement: this one is the swap's, and stays open.
        SingleConnectionDataSource inSwap = new SingleConnectionDataSource(swap, true);
        JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(readModel)
                .connectionProvider(inSwap::getConnection)
                .transactionManager(NoTransactionManager.instance())
                .schema(schema)
                .genericSerializer(general)
                .eventSerializer(events)
                .build();
        queue.clear();
        parked.forEach((sequence, letters) -> {
            for (int i = 0; i < letters.size(); i++) {
                queue.enqueue(
                        sequence,
                        i == 0
                                ? new GenericDeadLetter<>(
                                        sequence,
                                        letters.get(i),
                                        causes.get(sequence).asCause())
                                : new GenericDeadLetter<>(sequence, letters.get(i)));
            }
        });
    }

    private Optional<Parked> head(String readModel, String sequence) {
        return heads("where d.processing_group = ? and d.sequence_identifier = ?", new Object[] {readModel, sequence})
                .stream()
                .findFirst();
    }

    private List<Parked> heads(String where, Object[] arguments) {
        Instant claimedSince = clock.instant().minus(CLAIM);
        return jdbc.query(
                """
                select d.dead_letter_identifier, d.processing_group, d.sequence_identifier, d.event_identifier,
                       d.payload_type, d.cause_type, d.cause_message, d.last_touched, d.processing_started,
                       s.letters, s.since
                from dead_letter_entry d
                join (select processing_group, sequence_identifier, min(sequence_index) as head, count(*) as letters,
                             min(enqueued_at) as since
                      from dead_letter_entry group by processing_group, sequence_identifier) s
                  on s.processing_group = d.processing_group and s.sequence_identifier = d.sequence_identifier
                 and s.head = d.sequence_index
                """ + where + " order by s.since, d.dead_letter_identifier",
                (row, n) -> {
                    Instant started = instant(row.getString("processing_started"));
                    return new Parked(
                            row.getString("dead_letter_identifier"),
                            row.getString("processing_group"),
                            row.getString("sequence_identifier"),
                            row.getString("event_identifier"),
                            simpleName(row.getString("payload_type")),
                            row.getString("cause_type"),
                            row.getString("cause_message"),
                            instant(row.getString("since")),
                            instant(row.getString("last_touched")),
                            row.getLong("letters") - 1,
                            started != null && started.isAfter(claimedSince));
                },
                arguments);
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
