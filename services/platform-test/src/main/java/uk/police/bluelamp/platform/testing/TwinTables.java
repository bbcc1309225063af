package uk.police.bluelamp.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/**
 * Two empty copies of a read model's tables, each in a schema and on a connection of its own,
 * for a batch-equivalence test: a projection that gathers its writes fills one a batch at a time,
 * the statements it ran event by event before it batched fill the other, and the rows must match.
 * Nothing is committed: closing rolls both back and drops the schemas.
 */
public final class TwinTables implements AutoCloseable {

    private final JdbcClient jdbc;
    private final List<String> tables;
    private final String schema = "twin_" + UUID.randomUUID().toString().replace("-", "");
    private final Connection batched;
    private final Connection reference;
    private final AtomicInteger statements = new AtomicInteger();

    public TwinTables(DataSource dataSource, String... tables) throws SQLException {
        this.jdbc = JdbcClient.create(dataSource);
        this.tables = List.of(tables);
        batched = copies(dataSource, schema + "_batched");
        reference = copies(dataSource, schema + "_reference");
    }

    /** The copies the projection writes, as its constructor takes them; every statement on them is counted. */
    public DataSource batched() {
        Connection counted = (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(batched, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new SingleConnectionDataSource(counted, true);
    }

    /** The copies the reference statements write, one event at a time. */
    public JdbcClient reference() {
        return JdbcClient.create(new SingleConnectionDataSource(reference, true));
    }

    /**
     * The events (payloads or messages) in one unit of work, as a processor's batch or a
     * rebuild's window takes them; fails if the batch fails, and returns the statements it ran.
     */
    public int handleBatch(Object projection, List<?> events) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        int before = statements.get();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
        if (result.isExceptional()) {
            throw new AssertionError("the batch failed", result.exceptionResult());
        }
        return statements.get() - before;
    }

    /** The statements a projection ran for one event before it gathered batches, on the reference copies. */
    public interface Reference {
        void handle(JdbcClient copies, EventMessage<?> event);
    }

    /**
     * Random runs, as a processor delivers them: {@code rounds} batches of one to {@code mostEvents}
     * events, each fresh from {@code anyEvent} or, one time in {@code againOneIn}, one delivered
     * before. Each event goes through the reference statements one at a time and each batch through
     * the projection in one unit of work, in one to {@code mostStatements} statements; after every
     * round both copies hold the same rows. Returns each round's rows, for the test to check that
     * the run reached what it meant to.
     */
    public List<List<List<Map<String, Object>>>> randomRounds(
            Object projection,
            int rounds,
            int mostEvents,
            int againOneIn,
            int mostStatements,
            Function<Random, Object> anyEvent,
            Reference reference) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<EventMessage<?>> seen = new ArrayList<>();
        List<List<List<Map<String, Object>>>> everyRound = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = random.nextInt(mostEvents); i >= 0; i--) {
                EventMessage<?> event = !seen.isEmpty() && random.nextInt(againOneIn) == 0
                        ? seen.get(random.nextInt(seen.size()))
                        : GenericEventMessage.asEventMessage(anyEvent.apply(random));
                seen.add(event);
                batch.add(event);
                reference.handle(reference(), event);
            }
            assertThat(handleBatch(projection, batch))
                    .as("seed %d, round %d: statements for %d events", seed, round, batch.size())
                    .isBetween(1, mostStatements);
            List<List<Map<String, Object>>> rows = batchedRows();
            assertThat(rows).as("seed %d, round %d", seed, round).isEqualTo(referenceRows());
            everyRound.add(rows);
        }
        return everyRound;
    }

    /**
     * A batch with a row PostgreSQL refuses, as a processor or a rebuild meets it: the whole batch
     * must fail and is rolled back, then goes again with each event alone, where exactly one event
     * must fail, with its writes undone (so it can be parked while the others stand).
     */
    public void refusedAlone(Object projection, List<?> events) throws SQLException {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        BatchingUnitOfWork<EventMessage<?>> whole = new BatchingUnitOfWork<>(messages);
        if (!whole.executeWithResult(() -> adapter.handle(whole.getMessage())).isExceptional()) {
            throw new AssertionError("the batch did not fail");
        }
        batched.rollback();
        List<Throwable> failures = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> again = new BatchingUnitOfWork<>(messages);
        again.executeWithResult(() -> {
            try {
                adapter.handle(again.getMessage());
            } catch (Exception failed) {
                failures.add(failed);
            }
            return null;
        });
        assertThat(failures)
                .as("the events that failed alone")
                .singleElement()
                .isInstanceOfSatisfying(
                        ProjectionFailure.class,
                        failure -> assertThat(failure.undone()).isTrue());
    }

    /** Every table's rows in the batched copies, in a fixed order. */
    public List<List<Map<String, Object>>> batchedRows() {
        return rows(JdbcClient.create(new SingleConnectionDataSource(batched, true)));
    }

    /** Every table's rows in the reference copies, in the same order. */
    public List<List<Map<String, Object>>> referenceRows() {
        return rows(reference());
    }

    private List<List<Map<String, Object>>> rows(JdbcClient copies) {
        List<List<Map<String, Object>>> all = new ArrayList<>();
        for (String table : tables) {
            all.add(copies.sql("select * from " + table + " t order by t::text")
                    .query()
                    .listOfRows());
        }
        return all;
    }

    private Connection copies(DataSource dataSource, String copies) throws SQLException {
        jdbc.sql("create schema " + copies).update();
        for (String table : tables) {
            jdbc.sql("create table " + copies + "." + table + " (like public." + table + " including all)")
                    .update();
        }
        Connection connection = dataSource.getConnection();
        // Set outside the transaction, so rolling the work back keeps it.
        try (Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + copies);
        }
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : List.of(batched, reference)) {
            connection.rollback();
            connection.setAutoCommit(true);
            // Back to the pool as it came: other tests' statements must find the public tables.
            try (Statement sql = connection.createStatement()) {
                sql.execute("reset search_path");
            }
            connection.close();
        }
        jdbc.sql("drop schema " + schema + "_batched cascade").update();
        jdbc.sql("drop schema " + schema + "_reference cascade").update();
    }
}
