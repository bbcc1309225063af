package uk.police.bluelamp.casework.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.AddInternalNote;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.InternalNoteAdded;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/**
 * A long case loads from a snapshot that holds the citizen's details sealed under their key, as
 * its events do: the stored bytes never show them, and once the key is destroyed the snapshot
 * reads "[erased]" and the case still takes commands (docs/adr/0047).
 */
class CaseSnapshotTest extends CaseworkIntegrationTest {

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private SubjectKeys keys;

    @Test
    void aSnapshotSealsTheCitizenAndAnErasureReachesIt() {
        String reference = "BL-2026-" + (700000 + (int) (Math.random() * 99999));
        String unique = UUID.randomUUID().toString().substring(0, 8);
        CitizenDetails citizen = new CitizenDetails(
                "Robin Snapshot " + unique,
                "robin." + unique + "@example.org",
                "07700 900" + (100 + (int) (Math.random() * 900)));
        historyOfSixtyNotes(reference, citizen);

        commands.sendAndWait(new AddInternalNote(reference, "Called back, no answer", "handler", now()));

        await().until(() -> snapshotSequence(reference) > 0);
        String stored = jdbc.sql(
                        "select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = :r")
                .param("r", reference)
                .query(String.class)
                .single();
        assertThat(stored).contains("\"pii\":2").doesNotContain(citizen.name(), citizen.email(), citizen.phone());
        DomainEventMessage<?> snapshot = latest(reference);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(snapshotSequence(reference));
        assertThat(snapshot.getPayload())
                .isInstanceOf(Case.class)
                .extracting("citizen")
                .isEqualTo(citizen);
        assertThat(eventStore.readEvents(reference, 0).asStream().count())
                .as("the history itself is whole")
                .isEqualTo(62);

        String subject = keys.subjectOf(reference).orElseThrow();
        transactions.executeWithoutResult(tx -> keys.destroy(subject));

        assertThat(latest(reference).getPayload())
                .extracting("citizen")
                .isEqualTo(new CitizenDetails(PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED));
        commands.sendAndWait(new AddInternalNote(reference, "Case reviewed after erasure", "handler", now()));
        assertThat(eventStore.readEvents(reference, 0).asStream().count()).isEqualTo(63);

        jdbc.sql("update snapshot_event_entry set payload = convert_to('{\"status\":\"NO_SUCH_STATUS\"}', 'UTF8') "
                        + "where aggregate_identifier = :r")
                .param("r", reference)
                .update();
        assertThat(latest(reference).getPayload())
                .as("a snapshot that does not read is passed over: the case loads from its events")
                .isInstanceOf(CaseOpened.class);
        commands.sendAndWait(new AddInternalNote(reference, "Reviewed again", "handler", now()));
        await().until(() -> snapshotSequence(reference) == 63);

        jdbc.sql(
                        "update snapshot_event_entry set payload_revision = 'state-of-an-older-case' where aggregate_identifier = :r")
                .param("r", reference)
                .update();
        assertThat(latest(reference).getPayload())
                .as("a snapshot of another shape of the aggregate is passed over: the case loads from its events")
                .isInstanceOf(CaseOpened.class);
    }

    /** What the repository loads the case from: the latest usable snapshot, else the first event. */
    private DomainEventMessage<?> latest(String reference) {
        return eventStore.readEvents(reference).peek();
    }

    private long snapshotSequence(String reference) {
        return jdbc.sql(
                        "select coalesce(max(sequence_number), -1) from snapshot_event_entry where aggregate_identifier = :r")
                .param("r", reference)
                .query(Long.class)
                .single();
    }

    /** Published as the case would store them (the module has no deadline manager for OpenCase's deadlines). */
    private void historyOfSixtyNotes(String reference, CitizenDetails citizen) {
        Instant now = now();
        UpdatePreference online = new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.WEEKLY);
        List<DomainEventMessage<?>> history = new ArrayList<>();
        history.add(new GenericDomainEventMessage<>(
                "Case",
                reference,
                0,
                new CaseOpened(
                        reference,
                        UUID.randomUUID().toString(),
                        Channel.WEB,
                        ReportCategory.THEFT,
                        "f".repeat(64),
                        online,
                        citizen,
                        null,
                        now,
                        online.nextUpdateDue(now))));
        for (int i = 1; i <= 60; i++) {
            history.add(new GenericDomainEventMessage<>(
                    "Case", reference, i, new InternalNoteAdded(reference, "Note " + i, "handler", now)));
        }
        transactions.executeWithoutResult(tx -> eventStore.publish(history));
        assertThat(new String(
                        jdbc.sql(
                                        "select payload from domain_event_entry where aggregate_identifier = :r and sequence_number = 0")
                                .param("r", reference)
                                .query(byte[].class)
                                .single(),
                        StandardCharsets.UTF_8))
                .as("the events seal the citizen too")
                .doesNotContain(citizen.name());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
