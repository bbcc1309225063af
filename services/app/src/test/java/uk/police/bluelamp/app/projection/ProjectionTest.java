package uk.police.bluelamp.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** Projections fed with events through the real event store, read back from their tables. */
@ExtendWith(OutputCaptureExtension.class)
class ProjectionTest extends IntegrationTest {

    private static final UpdatePreference MONTHLY_SMS =
            new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.MONTHLY);

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

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
