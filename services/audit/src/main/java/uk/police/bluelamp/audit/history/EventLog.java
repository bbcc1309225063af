package uk.police.bluelamp.audit.history;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.messages.StoredNames;
import uk.police.bluelamp.messages.audit.event.AccessEvent;
import uk.police.bluelamp.messages.canned.event.CannedResponseEvent;
import uk.police.bluelamp.messages.casefile.event.CaseEvent;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.contact.event.ContactEvent;
import uk.police.bluelamp.messages.handler.event.HandlerEvent;
import uk.police.bluelamp.messages.privacy.event.ErasureEvent;
import uk.police.bluelamp.messages.reply.event.ReplyEvent;
import uk.police.bluelamp.platform.eventstore.StoredEvent;
import uk.police.bluelamp.platform.personaldata.PersonalDataSerializer;

/**
 * The event log as auditors read it: straight from the event table, filtered on the columns
 * the chain copies out of each event's metadata, newest first, paged by global index.
 */
@Component
class EventLog {

    @Schema(name = "EventEntry")
    record Entry(
            @Schema(requiredMode = REQUIRED) long globalIndex,
            Long chainPosition,
            @Schema(requiredMode = REQUIRED) String eventId,
            @Schema(requiredMode = REQUIRED) String aggregateId,
            @Schema(requiredMode = REQUIRED) long sequenceNumber,

            @Schema(requiredMode = REQUIRED, description = "The event's simple class name")
            String type,

            @Schema(requiredMode = REQUIRED) Instant occurredAt,
            String actor,
            String channel,
            String correlationId,
            String causationId,
            String sentence,

            @Schema(requiredMode = REQUIRED, implementation = Map.class)
            JsonNode payload,

            @Schema(requiredMode = REQUIRED, implementation = Map.class)
            JsonNode metaData) {}

    record Filter(Instant from, Instant to, String type, String actor, String channel, List<String> aggregates) {}

    /** {@code subjects}: each case and contact the page shows, by id, for the access log (not sent). */
    @Schema(name = "EventPage")
    record Page(
            @Schema(requiredMode = REQUIRED) List<Entry> entries,

            @Schema(description = "Pass back as before for the next, older page; null when there is none")
            Long nextBefore,

            @JsonIgnore Map<String, String> subjects) {}

    /** Every event type there is, by the simple name auditors see. */
    static final Map<String, String> TYPES = new TreeMap<>();

    static {
        Stream.of(
                        ContactEvent.class,
                        CaseEvent.class,
                        HandlerEvent.class,
                        CannedResponseEvent.class,
                        AccessEvent.class,
                        ErasureEvent.class,
                        ReplyEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .forEach(type -> TYPES.put(type.getSimpleName(), StoredNames.of(type)));
    }

    static final String CASE = "Case";
    /** The aggregates whose events are about a person; handlers' events are staff's own. */
    private static final Set<String> SUBJECT_TYPES = Set.of(CASE, "Contact", "Reply");

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;
    private final ObjectMapper json;

    EventLog(
            JdbcTemplate jdbc,
            @Qualifier("eventSerializer") Serializer serializer,
            EventStore eventStore,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
        this.json = json;
    }

    Page page(Filter filter, Long before, int size) {
        LogQuery query = LogQuery.newestFirst(
                filter.from(),
                filter.to(),
                filter.type() == null ? null : TYPES.getOrDefault(filter.type(), filter.type()),
                filter.actor(),
                filter.channel(),
                filter.aggregates(),
                before,
                size + 1);
        List<StoredEvent> rows = jdbc.query(query.sql(), (row, n) -> StoredEvent.from(row), query.args());
        boolean more = rows.size() > size;
        List<StoredEvent> shown = rows.stream().limit(size).toList();
        List<Entry> entries = shown.stream().map(this::entry).toList();
        Map<String, String> subjects = new LinkedHashMap<>();
        shown.stream()
                .filter(row -> row.aggregateType() != null && SUBJECT_TYPES.contains(row.aggregateType()))
                .forEach(row -> subjects.putIfAbsent(row.aggregateId(), row.aggregateType()));
        return new Page(entries, more ? entries.get(entries.size() - 1).globalIndex() : null, subjects);
    }

    /** The case's own events and those of every contact that became part of it, oldest first. */
    List<Entry> caseHistory(String reference) {
        List<String> aggregates = caseAggregates(reference);
        if (aggregates.isEmpty()) {
            return List.of();
        }
        return jdbc
                .query(
                        "select " + StoredEvent.COLUMNS
                                + " from domain_event_entry where aggregate_identifier = any(?) "
                                + "order by global_index",
                        (row, n) -> StoredEvent.from(row),
                        (Object) aggregates.toArray(String[]::new))
                .stream()
                .map(this::entry)
                .toList();
    }

    /** Empty when there is no such case. */
    List<String> caseAggregates(String reference) {
        Set<String> ids = new LinkedHashSet<>();
        eventStore
                .readEvents(reference, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .forEach(payload -> {
                    if (payload instanceof CaseOpened opened) {
                        ids.add(reference);
                        ids.add(opened.contactId());
                    } else if (payload instanceof ContactAddedToCase added) {
                        ids.add(added.contactId());
                    }
                });
        return List.copyOf(ids);
    }

    Entry entry(StoredEvent event) {
        MetaData metaData = event.metaData(serializer);
        Object payload = event.payload(serializer);
        String actor = event.actor() != null ? event.actor() : text(metaData.get(MetadataKeys.ACTOR));
        return new Entry(
                event.globalIndex(),
                event.chainPosition(),
                event.eventId(),
                event.aggregateId(),
                event.sequenceNumber(),
                event.type(),
                event.occurredAt(),
                actor,
                event.channel() != null ? event.channel() : text(metaData.get(MetadataKeys.CHANNEL)),
                text(metaData.get(MetadataKeys.CORRELATION_ID)),
                text(metaData.get(MetadataKeys.CAUSATION_ID)),
                payload == null
                        ? "An event of an unknown type (" + event.payloadType() + ")."
                        : EventSentences.describe(payload, actor),
                tree(revealed(event)),
                tree(event.metaData()));
    }

    /** Auditors read personal data decrypted, or "[erased]" once its subject is erased. */
    private byte[] revealed(StoredEvent event) {
        return serializer instanceof PersonalDataSerializer personalData
                ? personalData.reveal(event.payload(), event.serializedType())
                : event.payload();
    }

    private JsonNode tree(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(new String(stored, StandardCharsets.UTF_8));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
