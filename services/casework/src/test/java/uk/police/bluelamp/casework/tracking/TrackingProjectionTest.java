package uk.police.bluelamp.casework.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** The tracking view fed with events through the real event store, read back from its tables. */
class TrackingProjectionTest extends CaseworkIntegrationTest {

    private static final UpdatePreference MONTHLY_SMS =
            new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.MONTHLY);

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aCaseOpenedShowsOnTheTrackingViewWithItsFirstTimelineEntry() {
        String reference = "BL-2025-" + (700000 + (int) (Math.random() * 99999));
        Instant openedAt = Instant.parse("2025-03-03T09:00:00Z");
        publish(
                "Case",
                reference,
                new CaseOpened(
                        reference,
                        UUID.randomUUID().toString(),
                        Channel.WEB,
                        ReportCategory.FRAUD,
                        "f".repeat(64),
                        MONTHLY_SMS,
                        CitizenDetails.none(),
                        null,
                        openedAt,
                        MONTHLY_SMS.nextUpdateDue(openedAt)));

        await().until(() -> trackingRow(reference) != null);
        Map<String, Object> row = trackingRow(reference);
        assertThat(row)
                .containsEntry("status", "RECEIVED")
                .containsEntry("update_channel", "SMS")
                .containsEntry("update_frequency", "MONTHLY");
        assertThat(jdbc.sql("select title from case_timeline where reference = :r")
                        .param("r", reference)
                        .query(String.class)
                        .list())
                .containsExactly("Report received");
    }

    private void publish(String type, String aggregateId, Object payload) {
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, 0, payload)));
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
