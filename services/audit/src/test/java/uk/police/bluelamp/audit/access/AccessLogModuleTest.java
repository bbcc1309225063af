package uk.police.bluelamp.audit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.audit.AuditIntegrationTest;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.audit.event.ContactViewed;

/** The access log projection, fed through the platform's storage as the contexts feed it. */
class AccessLogModuleTest extends AuditIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EventGateway events;

    @Test
    void aCaseViewedAndAContactViewedAreEachOneRowOfWhoViewedWhatAndWhy() {
        String reference = "BL-2026-" + String.valueOf(System.nanoTime()).substring(0, 6);
        String contactId = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        events.publish(new CaseViewed(reference, "staff:alice", "case", "Reviewing the file", at));
        events.publish(new ContactViewed(contactId, "staff:bob", "contact", "Call back", at));

        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from access_log where subject_id in (:ids)")
                                .param("ids", List.of(reference, contactId))
                                .query(Long.class)
                                .single()
                        == 2);
        Map<String, Object> viewedCase = jdbc.sql("select * from access_log where subject_id = :id")
                .param("id", reference)
                .query()
                .singleRow();
        assertThat(viewedCase)
                .containsEntry("viewer", "staff:alice")
                .containsEntry("subject_type", "CASE")
                .containsEntry("reference", reference)
                .containsEntry("view", "case")
                .containsEntry("reason", "Reviewing the file");
        assertThat(jdbc.sql("select subject_type, viewer from access_log where subject_id = :id")
                        .param("id", contactId)
                        .query()
                        .singleRow())
                .containsEntry("subject_type", "CONTACT")
                .containsEntry("viewer", "staff:bob");
    }
}
