package uk.police.bluelamp.audit.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.audit.replay.DeadRunsFailed;
import uk.police.bluelamp.audit.replay.PersonalDataRebuilds;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.messages.privacy.LegalBasis;
import uk.police.bluelamp.messages.privacy.event.PersonalDataErased;
import uk.police.bluelamp.platform.cluster.ClusterNodes;
import uk.police.bluelamp.platform.evidence.EvidenceStore;
import uk.police.bluelamp.platform.personaldata.PersonalFields;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/**
 * Erases a data subject: in one transaction the key is deleted (and their evidence files' chunks), the erasure recorded and the
 * {@link PersonalDataErased} event stored in the chain; then every other live node drops the key
 * (the erasure waits for their heartbeats, see {@link SubjectKeys}), the key table is vacuumed so
 * no dead copy of the key stays on disk, and the read models holding personal data are rebuilt.
 */
@Service
class Erasures {

    private static final Logger LOG = LoggerFactory.getLogger(Erasures.class);

    /**
     * @param subjectId the subject of the case or contact named
     * @param subjects  every subject this request erased: the named one and those linked to it
     */
    record Erasure(
            UUID erasureId,
            String subjectId,
            List<String> subjects,
            LegalBasis legalBasis,
            String approvedBy,
            Instant erasedAt,
            Map<String, UUID> rebuilds) {}

    static class AlreadyErased extends RuntimeException {
        AlreadyErased() {
            super("That person's personal data is already erased");
        }
    }

    private final SubjectKeys keys;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventGateway events;
    private final PersonalDataRebuilds rebuilds;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClusterNodes nodes;
    private final EvidenceStore evidence;

    Erasures(
            EvidenceStore evidence,
            ClusterNodes nodes,
            SubjectKeys keys,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            EventGateway events,
            PersonalDataRebuilds rebuilds,
            ObjectMapper json,
            Clock clock) {
        this.evidence = evidence;
        this.nodes = nodes;
        this.keys = keys;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.rebuilds = rebuilds;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Erases the person: the named subject and every subject linked to it (LinkedSubjects), in
     * one transaction, one row and one {@link PersonalDataErased} per subject. Refused only if
     * every one of them is erased already.
     */
    Erasure erase(Set<String> linked, LegalBasis basis, String reason, String admin) {
        UUID requestId = UUID.randomUUID();
        Instant at = clock.instant();
        String named = linked.iterator().next();
        List<String> erased = transactions.execute(status -> {
            List<String> remaining =
                    linked.stream().filter(subject -> !keys.isErased(subject)).toList();
            if (remaining.isEmpty()) {
                throw new AlreadyErased();
            }
            for (String subject : remaining) {
                UUID erasureId = subject.equals(named) ? requestId : UUID.randomUUID();
                jdbc.update(
                        "insert into personal_data_erasure (erasure_id, request_id, subject_id, legal_basis, reason, "
                                + "approved_by, erased_at) values (?, ?, ?, ?, ?, ?, ?)",
                        erasureId,
                        requestId,
                        subject,
                        basis.name(),
                        reason,
                        admin,
                        Timestamp.from(at));
                keys.destroy(subject);
                evidence.erase(subject);
                events.publish(GenericEventMessage.asEventMessage(
                                new PersonalDataErased(erasureId.toString(), subject, basis, reason, admin, at))
                        .andMetaData(MetaData.from(Map.of(MetadataKeys.ACTOR, admin, MetadataKeys.CHANNEL, "STAFF"))));
            }
            return remaining;
        });
        List<String> silent = nodes.awaitBeatsSince(nodes.databaseNow());
        if (!silent.isEmpty()) {
            LOG.warn(
                    "Nodes {} did not confirm erasure {} within {}: their key caches have lapsed unused since",
                    silent,
                    requestId,
                    nodes.nodeTimeout());
        }
        jdbc.execute("vacuum personal_data_key");
        rebuilds.forgetSamples();
        Map<String, UUID> runs = rebuilds.start(type -> PersonalFields.of(type).any(), admin);
        jdbc.update("update personal_data_erasure set rebuilds = ? where request_id = ?", text(runs), requestId);
        LOG.info(
                "{} erased data subjects {} under {} (erasure {}); read models rebuilding: {}",
                admin,
                erased,
                basis,
                requestId,
                runs);
        return new Erasure(requestId, named, erased, basis, admin, at, runs);
    }

    /** Every erasure with the state of each read-model rebuild that scrubs it, newest first. */
    List<Map<String, Object>> all() {
        return jdbc
                .queryForList("select erasure_id, request_id, subject_id, legal_basis, reason, approved_by, erased_at, "
                        + "rebuilds from personal_data_erasure order by erased_at desc, subject_id")
                .stream()
                .map(row -> {
                    Map<String, Object> erasure = new LinkedHashMap<>(row);
                    erasure.put("rebuilds", states(runs((String) row.get("rebuilds"))));
                    return erasure;
                })
                .toList();
    }

    /**
     * A stop may interrupt the rebuilds that scrub an erasure from the read models: at start,
     * and when a node fails a dead node's runs, any erasure whose rebuilds did not all complete
     * is scrubbed again.
     */
    @EventListener({ApplicationReadyEvent.class, DeadRunsFailed.class})
    void finishInterruptedScrubs() {
        for (Map<String, Object> erasure :
                jdbc.queryForList("select erasure_id, rebuilds from personal_data_erasure")) {
            Map<String, String> states = states(runs((String) erasure.get("rebuilds")));
            if (states.isEmpty() || states.values().stream().allMatch("COMPLETED"::equals)) {
                continue;
            }
            Map<String, UUID> runs =
                    rebuilds.start(type -> PersonalFields.of(type).any(), "erasure-recovery");
            jdbc.update(
                    "update personal_data_erasure set rebuilds = ? where erasure_id = ?",
                    text(runs),
                    erasure.get("erasure_id"));
            LOG.warn(
                    "The scrub of erasure {} was interrupted; read models rebuilding again: {}",
                    erasure.get("erasure_id"),
                    runs);
        }
    }

    private Map<String, String> states(Map<String, UUID> runs) {
        Map<String, String> states = new LinkedHashMap<>();
        runs.forEach((readModel, run) -> states.put(
                readModel,
                jdbc.queryForList("select state from replay_run where id = ?", String.class, run).stream()
                        .findFirst()
                        .orElse("MISSING")));
        return states;
    }

    private Map<String, UUID> runs(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, UUID>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(Map<String, UUID> runs) {
        try {
            return json.writeValueAsString(runs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
