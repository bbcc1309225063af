package uk.police.bluelamp.audit.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import uk.police.bluelamp.audit.replay.PersonalDataRebuilds;
import uk.police.bluelamp.messages.privacy.LegalBasis;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.eventstore.StoredEvent;
import uk.police.bluelamp.platform.personaldata.PersonalDataSerializer;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/**
 * A subject access request (DPA 2018 s.45, UK GDPR Art. 15): everything held about a person —
 * their events decrypted, every row of every table that names one of their contacts or cases
 * (read models, deliveries, the access log of who viewed them) — as one JSON document. The
 * export is itself a look at personal data, so it is recorded in the access log with its reason.
 */
@Service
class SubjectAccess {

    /** Columns that name a contact or case; our own key tables are never exported. */
    private static final List<String> LINK_COLUMNS = List.of("contact_id", "reference", "subject_id", "reply_id");

    private static final List<String> NOT_EXPORTED = List.of(
            "domain_event_entry",
            // Derived from the events exported above, sealed like them (docs/adr/0047).
            "snapshot_event_entry",
            "personal_data_key",
            "personal_data_stream",
            "personal_data_erasure",
            // Its rows hold wrapped keys; the files are listed by their EvidenceAttached events.
            "evidence_file");

    private final JdbcTemplate jdbc;
    private final SubjectKeys keys;
    private final PersonalDataSerializer serializer;
    private final AccessLog accessLog;
    private final ObjectMapper json;
    private final PersonalDataRebuilds scrubs;

    SubjectAccess(
            JdbcTemplate jdbc,
            SubjectKeys keys,
            @Qualifier("eventSerializer") Serializer serializer,
            AccessLog accessLog,
            ObjectMapper json,
            PersonalDataRebuilds scrubs) {
        this.scrubs = scrubs;
        this.jdbc = jdbc;
        this.keys = keys;
        this.serializer = (PersonalDataSerializer) serializer;
        this.accessLog = accessLog;
        this.json = json;
    }

    /** @param subjects the person: the subject named and every one linked to it (LinkedSubjects) */
    SubjectAccessExport export(Set<String> subjects) {
        List<String> streams = subjects.stream()
                .flatMap(subject -> keys.streamsOf(subject).stream())
                .distinct()
                .toList();
        List<StoredEvent> stored = jdbc.query(
                "select " + StoredEvent.COLUMNS + " from domain_event_entry "
                        + "where aggregate_identifier = any(?) order by global_index",
                (row, n) -> StoredEvent.from(row),
                (Object) streams.toArray(String[]::new));
        recordTheLook(stored);
        String[] ids = subjects.toArray(String[]::new);
        List<SubjectAccessExport.ErasureHeld> erasures = jdbc.query(
                "select erasure_id, subject_id, legal_basis, reason, "
                        + "approved_by, erased_at from personal_data_erasure where subject_id = any(?) order by erased_at",
                (row, n) -> new SubjectAccessExport.ErasureHeld(
                        row.getObject("erasure_id", UUID.class),
                        row.getString("subject_id"),
                        LegalBasis.valueOf(row.getString("legal_basis")),
                        row.getString("reason"),
                        row.getString("approved_by"),
                        row.getTimestamp("erased_at")),
                (Object) ids);
        // Who looked at their records, and why (DPA 2018 s.62's log of consultation).
        List<SubjectAccessExport.Look> viewedBy = jdbc.query(
                "select viewer, view, reason, viewed_at, subject_type, subject_id "
                        + "from access_log where subject_id = any(?) or reference = any(?) order by viewed_at",
                (row, n) -> new SubjectAccessExport.Look(
                        row.getString("viewer"),
                        row.getString("view"),
                        row.getString("reason"),
                        row.getTimestamp("viewed_at"),
                        row.getString("subject_type"),
                        row.getString("subject_id")),
                streams.toArray(String[]::new),
                streams.toArray(String[]::new));
        return new SubjectAccessExport(
                subjects.iterator().next(),
                subjects,
                subjects.stream().allMatch(keys::isErased),
                erasures.stream().findFirst().orElse(null),
                erasures,
                streams,
                stored.stream().map(this::event).toList(),
                viewedBy,
                scrubs.scrubbing() ? PersonalDataRebuilds.SCRUB_NOTICE : null,
                records(streams));
    }

    private void recordTheLook(List<StoredEvent> stored) {
        stored.stream().filter(e -> e.sequenceNumber() == 0).forEach(first -> {
            if ("Case".equals(first.aggregateType())) {
                accessLog.caseOpened(first.aggregateId(), "subject-access", null);
            } else {
                accessLog.contactOpened(first.aggregateId(), "subject-access", null);
            }
        });
    }

    private SubjectAccessExport.Event event(StoredEvent event) {
        return new SubjectAccessExport.Event(
                event.eventId(),
                event.aggregateId(),
                event.type(),
                event.occurredAt(),
                tree(serializer.reveal(event.payload(), event.serializedType())));
    }

    private Map<String, List<JsonNode>> records(List<String> streams) {
        Map<String, List<JsonNode>> records = new LinkedHashMap<>();
        Map<String, List<String>> linked = new LinkedHashMap<>();
        jdbc.query(
                "select table_name, column_name from information_schema.columns where table_schema = 'public' "
                        + "and column_name = any(?) order by table_name, column_name",
                (ResultSet row) -> {
                    String table = row.getString(1);
                    if (!NOT_EXPORTED.contains(table)) {
                        linked.computeIfAbsent(table, t -> new ArrayList<>()).add(row.getString(2));
                    }
                },
                (Object) LINK_COLUMNS.toArray(String[]::new));
        String[] ids = streams.toArray(String[]::new);
        linked.forEach((table, columns) -> {
            String where = String.join(
                    " or ", columns.stream().map(c -> "t." + c + " = any(?)").toList());
            Object[] args = columns.stream().map(c -> (Object) ids).toArray();
            List<JsonNode> rows = jdbc
                    .queryForList("select row_to_json(t)::text from " + table + " t where " + where, String.class, args)
                    .stream()
                    .map(this::tree)
                    .toList();
            if (!rows.isEmpty()) {
                records.put(table, rows);
            }
        });
        return records;
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
