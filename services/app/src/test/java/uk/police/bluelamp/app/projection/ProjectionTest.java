package uk.police.bluelamp.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.messages.casefile.CaseOpened;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ContactReceived;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;

/** Projections fed with events through the real event store, read back from their tables. */
@ExtendWith(OutputCaptureExtension.class)
class ProjectionTest extends IntegrationTest {

    private static final UpdatePreference MONTHLY_SMS =
            new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.MONTHLY);

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void theWebQueueListsWebReportsLongestWaitingFirstAndOtherChannelsInTheirOwnQueues() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String older = contactReceived(Channel.WEB, now.minus(Duration.ofDays(400)), "Older report");
        String newer = contactReceived(Channel.WEB, now.minus(Duration.ofDays(399)), "Newer report");
        String phone = contactReceived(Channel.PHONE, now.minus(Duration.ofDays(401)), "Phone call");

        await().until(() -> queuedIds().containsAll(List.of(older, newer)));
        List<String> queue = queuedIds();
        assertThat(queue.indexOf(older)).isLessThan(queue.indexOf(newer));
        assertThat(queue).doesNotContain(phone);
        // The contact's detail is another read model, with a processor of its own.
        await().until(() -> jdbc.sql("select count(*) from contact_detail where contact_id = :id")
                        .param("id", older)
                        .query(Long.class)
                        .single()
                == 1);
        Map<String, Object> detail = jdbc.sql("select * from contact_detail where contact_id = :id")
                .param("id", older)
                .query()
                .singleRow();
        assertThat(detail).containsEntry("description", "Older report").containsEntry("update_channel", "SMS");
    }

    /**
     * A failing projection never skips an event silently: the event is parked, visibly (in the
     * log and as a dead letter), while the projection goes on with other cases; once the cause
     * is fixed a retry projects the same event (docs/adr/0016).
     */
    @Test
    void aFailingProjectionParksTheEventVisiblyAndGoesOnWithOtherCases(CapturedOutput output) {
        String reference = "BL-2025-" + (600000 + (int) (Math.random() * 99999));
        String other = "BL-2025-" + (500000 + (int) (Math.random() * 99999));
        Instant openedAt = Instant.parse("2025-04-01T09:00:00Z");
        jdbc.sql("alter table case_tracking add constraint sabotage check (reference <> '" + reference + "')")
                .update();
        String deadLetter;
        try {
            publish(
                    "Case",
                    reference,
                    new CaseOpened(
                            reference,
                            UUID.randomUUID().toString(),
                            Channel.WEB,
                            ReportCategory.OTHER,
                            "e".repeat(64),
                            MONTHLY_SMS,
                            CitizenDetails.none(),
                            null,
                            openedAt,
                            MONTHLY_SMS.nextUpdateDue(openedAt)));
            publish(
                    "Case",
                    other,
                    new CaseOpened(
                            other,
                            UUID.randomUUID().toString(),
                            Channel.WEB,
                            ReportCategory.OTHER,
                            "e".repeat(64),
                            MONTHLY_SMS,
                            CitizenDetails.none(),
                            null,
                            openedAt,
                            MONTHLY_SMS.nextUpdateDue(openedAt)));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> output.getAll()
                            .contains("Projection case-tracking (TrackingProjection) could not handle event"));
            await().atMost(Duration.ofSeconds(30)).until(() -> trackingRow(other) != null);
            assertThat(trackingRow(reference)).isNull();
            deadLetter = jdbc.sql("select dead_letter_identifier from dead_letter_entry where processing_group = "
                            + "'case-tracking' and sequence_identifier = :r")
                    .param("r", reference)
                    .query(String.class)
                    .single();
        } finally {
            jdbc.sql("alter table case_tracking drop constraint sabotage").update();
        }
        // Once the cause is fixed the same event is projected: it was held back, not skipped.
        StaffSession admin = StaffSession.signedIn(port, "admin", "blue-lamp-admin");
        assertThat(admin.post("/api/v1/admin/dead-letters/" + deadLetter + "/retry", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(trackingRow(reference)).isNotNull();
    }

    @Test
    void replayingFromTheEventStoreRebuildsTheSameQueues() {
        contactReceived(
                Channel.WEB, Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS), "Before replay");
        await().until(() -> queueSnapshot().size() == contactsInEventStore());
        List<Map<String, Object>> before = queueSnapshot();

        PooledStreamingEventProcessor webQueue = processing
                .eventProcessor("queue", PooledStreamingEventProcessor.class)
                .orElseThrow();
        webQueue.shutDown();
        webQueue.resetTokens();
        webQueue.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> queueSnapshot().equals(before));
        assertThat(queueSnapshot()).hasSameSizeAs(before);
    }

    private String contactReceived(Channel channel, Instant at, String description) {
        String contactId = UUID.randomUUID().toString();
        publish(
                "Contact",
                contactId,
                new ContactReceived(
                        contactId,
                        channel,
                        "BL-2025-000001",
                        new ReportDetails(
                                ReportCategory.ANTISOCIAL_BEHAVIOUR,
                                description,
                                "Park Road",
                                LocalDate.of(2025, 1, 1),
                                null),
                        new Reporter("Alex", null, "07700900982"),
                        MONTHLY_SMS,
                        at));
        return contactId;
    }

    private void publish(String type, String aggregateId, Object payload) {
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, 0, payload)));
    }

    private List<String> queuedIds() {
        return jdbc.sql(
                        "select contact_id from queue_item where channel = 'WEB' and state = 'WAITING' order by priority, queued_at")
                .query(String.class)
                .list();
    }

    private List<Map<String, Object>> queueSnapshot() {
        return jdbc.sql("select * from queue_item order by contact_id").query().listOfRows();
    }

    /** Contacts of every channel: each arrives with exactly one of these events. */
    private long contactsInEventStore() {
        return jdbc.sql("""
                select count(distinct aggregate_identifier) from domain_event_entry
                where payload_type similar to '%(ContactReceived|ChatStarted|CallRang|CallbackRequested)'
                """).query(Long.class).single();
    }

    private Map<String, Object> trackingRow(String reference) {
        return jdbc
                .sql("select * from case_tracking where reference = :r")
                .param("r", reference)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
