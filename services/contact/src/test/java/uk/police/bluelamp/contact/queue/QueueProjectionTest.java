package uk.police.bluelamp.contact.queue;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.ContactReceived;

/** The queues and the contact's detail fed with events through the real event store, read back from their tables. */
class QueueProjectionTest extends ContactIntegrationTest {

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
}
