package uk.police.bluelamp.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two private copies of a read model's tables, each in a schema of its own on a connection of
 * its own: one written by the projection a batch at a time, one by the statements the projection
 * ran per event before it gathered batches (kept in the test as the reference). Each round is
 * committed, so a batch that fails undoes only itself.
 */
public final class ReadModelCopies implements AutoCloseable {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final JdbcClient jdbc;
    private final List<String> tables;
    private final String batchedSchema;
    private final String oneByOneSchema;
    private final Connection batched;
    private final Connection oneByOne;
    private final AtomicInteger statements = new AtomicInteger();
    private final Set<String> inFailedBatches = new HashSet<>();
    private final List<EventMessage<?>> delivered = new ArrayList<>();
    private int failedRounds;
    private int rounds;

    public ReadModelCopies(JdbcClient jdbc, DataSource dataSource, String... tables) throws SQLException {
        this.jdbc = jdbc;
        this.tables = List.of(tables);
        String schema = "copy_" + UUID.randomUUID().toString().replace("-", "");
        batchedSchema = schema + "_batched";
        oneByOneSchema = schema + "_one";
        batched = connection(dataSource, batchedSchema);
        oneByOne = connection(dataSource, oneByOneSchema);
    }

    /** A constraint the live tables have that "like ... including all" does not copy; %s is the schema. */
    public void inBoth(String ddl) {
        jdbc.sql(ddl.formatted(batchedSchema, batchedSchema)).update();
        jdbc.sql(ddl.formatted(oneByOneSchema, oneByOneSchema)).update();
    }

    /** What the projection under test writes through; its statements are counted. */
    public JdbcTemplate batchedTables() {
        Connection counted = (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (STATEMENTS.contains(method.getName())) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(batched, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
        return new JdbcTemplate(new SingleConnectionDataSource(counted, true));
    }

    public JdbcClient oneByOneTables() {
        return JdbcClient.create(new SingleConnectionDataSource(oneByOne, true));
    }

    /**
     * The batch event by event through the reference, each in a savepoint (a refused event changes
     * nothing, as a parked one), and as one unit of work through the projection, which must fail
     * exactly when some event was refused and then, taken again, refuse only those events; the
     * tables must then hold the same rows.
     */
    public void round(
            List<EventMessage<?>> batch,
            BiConsumer<Object, String> reference,
            AnnotationEventHandlerAdapter projection,
            int mostStatements)
            throws SQLException {
        delivered.addAll(batch);
        int refused = 0;
        for (EventMessage<?> event : batch) {
            Savepoint savepoint = oneByOne.setSavepoint();
            try {
                reference.accept(event.getPayload(), event.getIdentifier());
                oneByOne.releaseSavepoint(savepoint);
            } catch (DataAccessException parked) {
                oneByOne.rollback(savepoint);
                refused++;
            }
        }
        oneByOne.commit();

        statements.set(0);
        BatchingUnitOfWork<EventMessage<?>> whole = new BatchingUnitOfWork<>(batch);
        boolean failed = whole.executeWithResult(() -> projection.handle(whole.getMessage()))
                .isExceptional();
        assertThat(failed).as("the batch fails when an event alone failed").isEqualTo(refused > 0);
        if (failed) {
            failedRounds++;
            batch.forEach(event -> inFailedBatches.add(event.getIdentifier()));
            assertThat(oneAtATime(batch, projection))
                    .as("taken again, only the refused events fail")
                    .hasSize(refused);
        } else {
            // An event once in a failed batch is written alone from then on, in statements of its own.
            long alone = batch.stream()
                    .filter(event -> inFailedBatches.contains(event.getIdentifier()))
                    .count();
            assertThat(statements.get())
                    .as("statements for %d events, %d alone", batch.size(), alone)
                    .isLessThanOrEqualTo(mostStatements * (1 + (int) alone));
        }
        batched.commit();
        Map<String, List<Map<String, Object>>> expected = rows(oneByOne);
        rows(batched)
                .forEach((table, rows) -> assertThat(rows)
                        .as("%s after round %d", table, rounds)
                        .containsExactlyElementsOf(expected.get(table)));
        rounds++;
    }

    /**
     * The batch again after it failed, as the processor takes it: its events are now written one by
     * one, each refusal parking its own event. An event that failed alone in an earlier round fails
     * in its handler, before the batch's other events are known to have failed, so that takes a
     * second go.
     */
    private List<Exception> oneAtATime(List<EventMessage<?>> batch, AnnotationEventHandlerAdapter projection)
            throws SQLException {
        for (int attempt = 0; ; attempt++) {
            batched.rollback();
            List<Exception> failures = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> again = new BatchingUnitOfWork<>(batch);
            boolean failed = again.executeWithResult(() -> {
                        try {
                            projection.handle(again.getMessage());
                        } catch (Exception parked) {
                            failures.add(parked);
                        }
                        return null;
                    })
                    .isExceptional();
            if (!failed || attempt == 1) {
                assertThat(failed).as("the rest of the batch written").isFalse();
                return failures;
            }
        }
    }

    /**
     * An event delivered before, to deliver again as a processor may after a failure; not one of
     * a batch that failed: its event would be written alone ahead of the events gathered before it
     * in the new batch, where a processor retries a failed batch from its start.
     */
    public Optional<EventMessage<?>> again(Random random) {
        List<EventMessage<?>> candidates = delivered.stream()
                .filter(event -> !inFailedBatches.contains(event.getIdentifier()))
                .toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    /** How many rounds failed as a batch: a test that means to cover both ways checks it is neither none nor all. */
    public int failedRounds() {
        return failedRounds;
    }

    public int rounds() {
        return rounds;
    }

    /** Every table's rows by its first column (each table's key), arrays as lists. */
    public Map<String, List<Map<String, Object>>> rows(Connection connection) {
        JdbcClient client = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            List<Map<String, Object>> list =
                    client.sql("select * from " + table + " order by 1").query().listOfRows();
            list.forEach(row -> row.replaceAll((column, value) -> plain(value)));
            rows.put(table, list);
        }
        return rows;
    }

    public Map<String, List<Map<String, Object>>> batchedRows() {
        return rows(batched);
    }

    private static Object plain(Object value) {
        try {
            return value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : value;
        } catch (SQLException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private Connection connection(DataSource dataSource, String schema) throws SQLException {
        jdbc.sql("create schema " + schema).update();
        for (String table : tables) {
            jdbc.sql("create table %s.%s (like public.%s including all)".formatted(schema, table, table))
                    .update();
        }
        Connection connection = dataSource.getConnection();
        // Committed before the work begins, so a rollback keeps it.
        try (Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + schema);
        }
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : List.of(batched, oneByOne)) {
            connection.rollback();
            connection.setAutoCommit(true);
            // Back to the pool as it came: the other tests' statements must find the public tables.
            try (Statement sql = connection.createStatement()) {
                sql.execute("reset search_path");
            }
            connection.close();
        }
        jdbc.sql("drop schema " + batchedSchema + " cascade").update();
        jdbc.sql("drop schema " + oneByOneSchema + " cascade").update();
    }
}
