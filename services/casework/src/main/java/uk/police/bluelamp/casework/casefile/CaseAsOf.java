package uk.police.bluelamp.casework.casefile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.messages.casefile.CaseViewAsOf;
import uk.police.bluelamp.messages.casefile.query.FindCaseAsOf;

/**
 * The case as it was at a moment: the case's events up to then are fed through the same
 * projection into temporary copies of its tables, read by the same reader, and thrown away.
 * Temporary tables live in this transaction's session only, and {@code search_path} makes
 * the projection's unqualified table names find them, so the live tables are never touched.
 */
@Component
class CaseAsOf {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {};

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    CaseAsOf(
            EventStore eventStore,
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            ObjectMapper json,
            PlatformTransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        // Its own transaction, always rolled back, whatever transaction the query arrives in.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @QueryHandler
    CaseViewAsOf handle(FindCaseAsOf query) {
        String ref = CaseController.ref(query.reference());
        List<? extends DomainEventMessage<?>> events = eventStore
                .readEvents(ref, 0)
                .asStream()
                .filter(event -> !event.getTimestamp().isAfter(query.at()))
                .toList();
        if (events.isEmpty()) {
            return new CaseViewAsOf(Map.of());
        }
        // Payloads are read (and decrypted) lazily; the subject keys live in tables the
        // pg_temp search path below hides, so every payload is read here, before it.
        events.forEach(DomainEventMessage::getPayload);
        return new CaseViewAsOf(transactions.execute(transaction -> {
            for (String table : CaseViewProjection.TABLES) {
                jdbc.sql("create temporary table " + table + " (like public." + table
                                + " including all) on commit drop")
                        .update();
            }
            jdbc.sql("set local search_path to pg_temp").update();
            AnnotationEventHandlerAdapter projection =
                    new AnnotationEventHandlerAdapter(new CaseViewProjection(jdbcTemplate));
            for (DomainEventMessage<?> event : events) {
                try {
                    projection.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "Could not rebuild " + ref + " at event " + event.getIdentifier(), e);
                }
            }
            Map<String, Object> view = CaseViewReader.read(
                            jdbc, ref, query.at(), () -> CaseMessages.from(events.stream()))
                    .map(found -> json.convertValue(found, AS_MAP))
                    .orElse(Map.of());
            transaction.setRollbackOnly();
            return view;
        }));
    }
}
