package uk.police.bluelamp.contact.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactDisposed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactRetentionExtended;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;

/**
 * The queue written a batch at a time is the rows the events' own statements leave one at a
 * time (RowByRowQueue): random runs over a few contacts, in batches of random size and in one
 * unit of work over them all, with events before and after a contact's arrival, repeated
 * arrivals, moments out of order and half a microsecond apart, a citizen's hostile text, and
 * values the table cuts or refuses. A batch that fails is taken again event by event, as the
 * processor and a rebuild take it.
 */
class QueueProjectionBatchTest extends ContactIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");
    private static final List<String> TEXTS = List.of(
            "Noise from next door",
            "O'Brien said \"stop\"; drop table queue_item; -- \\ % _",
            "Siân ap Ŵyn 🚓 says ŷ",
            "  lots \n\t of   space  ",
            "x".repeat(10_000),
            "");
    private static final List<String> PHONES = List.of("07700 900982", "+44 7700 900982", "anonymous", "call me");

    @Autowired
    private DataSource dataSource;

    private final String schema = "queue_" + UUID.randomUUID().toString().replace("-", "");
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicInteger statements = new AtomicInteger();

    @BeforeEach
    void ownTables() throws Exception {
        for (String tables : List.of("_batched", "_whole", "_one")) {
            connections.add(connection(schema + tables));
        }
    }

    @AfterEach
    void dropThem() throws Exception {
        for (Connection connection : connections) {
            connection.rollback();
            connection.setAutoCommit(true);
            // Back to the pool as it came: the other tests' statements must find the public tables.
            try (Statement sql = connection.createStatement()) {
                sql.execute("reset search_path");
            }
            connection.close();
        }
        for (String tables : List.of("_batched", "_whole", "_one")) {
            jdbc.sql("drop schema " + schema + tables + " cascade").update();
        }
    }

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Connection batched = counted(connections.get(0));
        AnnotationEventHandlerAdapter projection = projection(batched);
        AnnotationEventHandlerAdapter reference = new AnnotationEventHandlerAdapter(
                new RowByRowQueue(JdbcClient.create(new SingleConnectionDataSource(connections.get(2), true))));
        List<EventMessage<?>> all = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = random.nextInt(16); i >= 0; i--) {
                EventMessage<?> event = GenericEventMessage.asEventMessage(anyEvent(random));
                batch.add(event);
                oneByOne(reference, event, connections.get(2));
            }
            all.addAll(batch);
            statements.set(0);
            if (apply(projection, batch, batched)) {
                assertThat(statements)
                        .as("statements for %d events", batch.size())
                        .hasValueLessThanOrEqualTo(6);
            }
            assertThat(rows(batched)).as("seed %d, round %d", seed, round).isEqualTo(rows(connections.get(2)));
        }
        apply(projection(connections.get(1)), all, connections.get(1));
        assertThat(rows(connections.get(1))).as("seed %d, in one batch", seed).isEqualTo(rows(connections.get(2)));
        assertThat(rows(batched).get(0)).as("seed %d: some contacts", seed).isNotEmpty();
    }

    @Test
    void aValueTheTableRefusesFailsItsBatchThenOnlyItsOwnEventThoughALaterEventOverwritesIt() throws Exception {
        Connection batched = connections.get(0);
        List<EventMessage<?>> batch = List.of(
                GenericEventMessage.asEventMessage(new ChatStarted("ok-1", "Sam Jones", "Help", null, NINE)),
                GenericEventMessage.asEventMessage(
                        new ContactAssigned("ok-1", Channel.CHAT, "h".repeat(101), Assignment.TAKEN, NINE)),
                GenericEventMessage.asEventMessage(
                        new ContactTransferred("ok-1", Channel.CHAT, "h", null, null, null, NINE.plusSeconds(60))));

        List<Throwable> failures = new ArrayList<>();
        assertThat(apply(projection(batched), batch, batched, failures)).isFalse();

        assertThat(failures)
                .singleElement()
                .isInstanceOfSatisfying(
                        ProjectionFailure.class,
                        failure -> assertThat(failure.undone()).isTrue());
        Map<String, Object> row = rows(batched).get(0).get(0);
        assertThat(row).containsEntry("state", "WAITING").doesNotContainKeys("handler", "answered_at");
    }

    /** True when the batch wrote at its first go; else it is taken again event by event. */
    private boolean apply(AnnotationEventHandlerAdapter projection, List<EventMessage<?>> batch, Connection tables)
            throws Exception {
        return apply(projection, batch, tables, new ArrayList<>());
    }

    private boolean apply(
            AnnotationEventHandlerAdapter projection,
            List<EventMessage<?>> batch,
            Connection tables,
            List<Throwable> failures)
            throws Exception {
        Savepoint before = tables.setSavepoint();
        BatchingUnitOfWork<EventMessage<?>> whole = new BatchingUnitOfWork<>(batch);
        if (!whole.executeWithResult(() -> projection.handle(whole.getMessage()))
                .isExceptional()) {
            return true;
        }
        tables.rollback(before);
        BatchingUnitOfWork<EventMessage<?>> again = new BatchingUnitOfWork<>(batch);
        again.executeWithResult(() -> {
            try {
                projection.handle(again.getMessage());
            } catch (Exception failed) {
                failures.add(failed);
            }
            return null;
        });
        return false;
    }

    /** As the processor took each event before: what PostgreSQL refuses is undone and the event parked. */
    private static void oneByOne(AnnotationEventHandlerAdapter reference, EventMessage<?> event, Connection tables)
            throws Exception {
        Savepoint before = tables.setSavepoint();
        try {
            reference.handle(event);
            tables.releaseSavepoint(before);
        } catch (RuntimeException refused) {
            tables.rollback(before);
        }
    }

    private Object anyEvent(Random random) {
        String contact = "contact-" + random.nextInt(6);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        // Now and then a value the table refuses (101 > 100) or cuts (spaces beyond 20).
        String handler = random.nextInt(40) == 0 ? "h".repeat(101) : "handler-" + random.nextInt(3);
        String reference = switch (random.nextInt(30)) {
            case 0 -> "BL-2031-0000000000001";
            case 1, 2 -> "BL-2031-000001" + " ".repeat(9);
            case 3, 4, 5, 6, 7, 8 -> null;
            default -> "BL-2031-00000" + random.nextInt(3);
        };
        String text = random.nextInt(5) == 0 ? null : TEXTS.get(random.nextInt(TEXTS.size()));
        String name = List.of("Sam", "Sam  JONES", "Siân O'Neil ", "").get(random.nextInt(4));
        String phone = random.nextInt(6) == 0 ? null : PHONES.get(random.nextInt(PHONES.size()));
        if (random.nextInt(40) == 0) {
            phone = "0".repeat(45); // longer than from_number and contact_party.phone
        }
        Language language = Language.values()[random.nextInt(2)];
        CallDetails call = new CallDetails("c-1", phone, "101", "inbound", "main", language);
        Grade grade = Grade.values()[random.nextInt(Grade.values().length)];
        return switch (random.nextInt(17)) {
            case 0 ->
                new ContactReceived(
                        contact,
                        Channel.values()[random.nextInt(Channel.values().length)],
                        reference,
                        new ReportDetails(
                                ReportCategory.values()[random.nextInt(ReportCategory.values().length)],
                                text,
                                "Park Road",
                                null,
                                null),
                        new Reporter(name, random.nextBoolean() ? null : " Sam@Example.ORG ", phone),
                        null,
                        at,
                        language);
            case 1 -> new ChatStarted(contact, name, text, null, at, language);
            case 2 -> new CallRang(contact, call, at);
            case 3 ->
                new CallbackRequested(
                        contact, name, phone, text, at, at.plus(Duration.ofHours(1)), at, reference, language);
            case 4 -> new ContactAssigned(contact, Channel.PHONE, handler, Assignment.TAKEN, at);
            case 5 ->
                new ContactTransferred(
                        contact,
                        Channel.PHONE,
                        handler,
                        random.nextBoolean() ? null : handler,
                        null,
                        List.of("WELSH", "HATE_CRIME", "").get(random.nextInt(3)),
                        at);
            case 6 -> new ContactAbandoned(contact, Channel.PHONE, at);
            case 7 ->
                new CallAnswered(
                        contact,
                        call,
                        random.nextBoolean() ? handler : null,
                        null,
                        random.nextInt(3) > 0,
                        random.nextInt(5) == 0 ? null : at);
            case 8 -> new CallEnded(contact, call, HangupCause.NORMAL_CLEARING, false, at);
            case 9 -> new ChatEnded(contact, ChatAuthor.CITIZEN, "citizen", at);
            case 10 ->
                new ChatMessagePosted(contact, 1, ChatAuthor.values()[random.nextInt(3)], null, "m-1", "text", at);
            case 11 ->
                new CallbackAttempted(
                        contact,
                        handler,
                        CallbackOutcome.NO_ANSWER,
                        random.nextBoolean() ? null : at.plus(Duration.ofMinutes(30)),
                        null,
                        at);
            case 12 ->
                new ContactTriaged(
                        contact, Channel.PHONE, new Triage(null, null, null, null, null, null, grade, "r"), "h", at);
            case 13 ->
                new ContactLinkedToCase(
                        contact,
                        Channel.WEB,
                        reference,
                        random.nextBoolean() ? null : ReportCategory.values()[0],
                        null,
                        "h",
                        at);
            case 14 -> new ContactClosed(contact, Channel.PHONE, handler, null, at);
            case 15 -> new ContactRetentionExtended(contact, "r", at.plus(Duration.ofDays(400)), "h", at);
            default -> new ContactDisposed(contact, "r", "h", at);
        };
    }

    private AnnotationEventHandlerAdapter projection(Connection connection) {
        return new AnnotationEventHandlerAdapter(
                new QueueProjection(new JdbcTemplate(new SingleConnectionDataSource(connection, true))));
    }

    /** The connection, counting the statements prepared on it. */
    private Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement")
                            || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (java.lang.reflect.InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }

    private Connection connection(String tables) throws Exception {
        jdbc.sql("create schema " + tables).update();
        jdbc.sql("create table " + tables + ".queue_item (like public.queue_item including all)")
                .update();
        jdbc.sql("create table " + tables + ".contact_party (like public.contact_party including all)")
                .update();
        Connection connection = dataSource.getConnection();
        // Committed before the work begins, so a rollback keeps it.
        try (Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + tables);
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private static List<List<Map<String, Object>>> rows(Connection connection) {
        JdbcClient tables = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        return List.of(
                nonNull(tables.sql("select * from queue_item order by contact_id")
                        .query()
                        .listOfRows()),
                nonNull(tables.sql("select * from contact_party order by contact_id")
                        .query()
                        .listOfRows()));
    }

    private static List<Map<String, Object>> nonNull(List<Map<String, Object>> rows) {
        rows.forEach(row -> row.values().removeIf(value -> value == null));
        return rows;
    }
}
