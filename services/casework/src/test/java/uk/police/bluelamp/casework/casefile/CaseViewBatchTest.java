package uk.police.bluelamp.casework.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.event.CaseAssigned;
import uk.police.bluelamp.messages.casefile.event.CaseDisposed;
import uk.police.bluelamp.messages.casefile.event.CaseLinked;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.CaseTriaged;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.CrimeDecisionOverdue;
import uk.police.bluelamp.messages.casefile.event.CrimeNotRecorded;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.EnhancedRightsSet;
import uk.police.bluelamp.messages.casefile.event.InternalNoteAdded;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionUpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.RetentionExtended;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewFellDue;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewScheduled;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.casefile.event.UnsafeToContactSet;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralDeclined;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.testing.TwinTables;

/**
 * The case view written a batch at a time leaves the rows its statements left one event at a
 * time (RowByRowCaseView, the projection before it gathered batches): random runs over a few
 * cases of every event it handles, with changes before a case is opened, cases opened twice,
 * events delivered twice, moments out of order and half a microsecond apart, and text a citizen
 * could type. A batch costs a few statements whatever its size; a row PostgreSQL refuses fails
 * its batch, then only its own event, and none of that event's rows are written.
 */
class CaseViewBatchTest extends CaseworkIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");
    private static final List<String> TEXTS = List.of(
            "plain",
            "it's \"quoted\", {braced}, back\\slashed",
            "NULL",
            "Siân's ffôn 📱 — ünïcödé",
            "long ".repeat(360),
            "");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (TwinTables tables = new TwinTables(dataSource, CaseViewProjection.TABLES.toArray(String[]::new))) {
            CaseViewProjection projection = new CaseViewProjection(new JdbcTemplate(tables.batched()));
            AnnotationEventHandlerAdapter reference =
                    new AnnotationEventHandlerAdapter(new RowByRowCaseView(tables.reference()));
            List<EventMessage<?>> seen = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int i = random.nextInt(40); i >= 0; i--) {
                    EventMessage<?> message = !seen.isEmpty() && random.nextInt(12) == 0
                            ? seen.get(random.nextInt(seen.size()))
                            : GenericEventMessage.asEventMessage(anyEvent(random));
                    seen.add(message);
                    batch.add(message);
                    reference.handle(message);
                }
                assertThat(tables.handleBatch(projection, batch))
                        .as("statements for %d events", batch.size())
                        .isLessThanOrEqualTo(7);
                assertThat(tables.batchedRows())
                        .as("seed %d, round %d", seed, round)
                        .isEqualTo(tables.referenceRows());
            }
            assertThat(tables.batchedRows().get(0))
                    .as("seed %d: some cases", seed)
                    .isNotEmpty();
        }
    }

    @Test
    void aRefusedRowFailsItsBatchThenOnlyItsOwnEvent() throws Exception {
        String tooLong = "x".repeat(51); // crime_number is varchar(50)
        try (TwinTables tables = new TwinTables(dataSource, CaseViewProjection.TABLES.toArray(String[]::new))) {
            tables.refusedAlone(
                    new CaseViewProjection(new JdbcTemplate(tables.batched())),
                    List.of(
                            opened("BL-1", ReportCategory.THEFT, NINE),
                            new CrimeRecorded("BL-1", tooLong, "h", NINE.plusSeconds(60)),
                            new InternalNoteAdded("BL-1", "noted", "h", NINE.plusSeconds(120))));
            List<List<Map<String, Object>>> rows = tables.batchedRows();
            assertThat(rows.get(0))
                    .singleElement()
                    .satisfies(row -> assertThat(row)
                            .containsEntry("crime_decided", false)
                            .containsEntry("crime_number", null));
            assertThat(rows.get(1))
                    .as("the refused event's history line went with its row")
                    .extracting(row -> row.get("type"))
                    .containsExactlyInAnyOrder("CaseOpened", "InternalNoteAdded");
        }
    }

    private Object anyEvent(Random random) {
        String ref = "BL-" + random.nextInt(4);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        String text = TEXTS.get(random.nextInt(TEXTS.size()));
        String by = random.nextBoolean() ? "handler-" + random.nextInt(3) : null;
        String team = random.nextBoolean() ? "team-" + random.nextInt(2) : null;
        boolean flag = random.nextBoolean();
        UpdatePreference preference = new UpdatePreference(
                UpdateChannel.values()[random.nextInt(2)], UpdateFrequency.values()[random.nextInt(3)], null);
        return switch (random.nextInt(27)) {
            case 0, 1 -> opened(ref, ReportCategory.values()[random.nextInt(8)], at);
            case 2 -> new ContactAddedToCase(ref, "contact-" + random.nextInt(3), Channel.PHONE, text, by, at);
            case 3 -> new CaseLinked(ref, "BL-" + random.nextInt(4), "handler", at);
            case 4 ->
                new CaseTriaged(
                        ref, new Triage(text, null, null, null, null, null, Grade.PRIORITY, text), "handler", at);
            case 5 -> new CaseAssigned(ref, by, team == null ? "team-0" : team, "supervisor", at);
            case 6 -> new InternalNoteAdded(ref, text, "handler", at);
            case 7 ->
                new PublicUpdatePublished(
                        ref, "update-" + random.nextInt(3), text, flag, UpdateChannel.EMAIL, "h", at, at.plus(days(7)));
            case 8 ->
                new CaseStatusChanged(
                        ref,
                        CaseStatus.RECEIVED,
                        CaseStatus.values()[random.nextInt(CaseStatus.values().length)],
                        team,
                        text,
                        "h",
                        at);
            case 9 -> new CaseReopened(ref, text, "h", at);
            case 10 -> new CrimeRecorded(ref, "CRN-" + random.nextInt(100), "h", at);
            case 11 -> new CrimeNotRecorded(ref, text, "h", at);
            case 12 -> new CrimeDecisionOverdue(ref, at);
            case 13 -> new EnhancedRightsSet(ref, flag, "h", at);
            case 14 -> new UnsafeToContactSet(ref, flag, "h", at);
            case 15 -> new VictimSupportReferralRequested(ref, "r-1", "Victim Support", null, null, null, null, at, at);
            case 16 -> new VictimSupportReferralDeclined(ref, "Victim Support", at);
            case 17 -> new VictimSupportReferralSent(ref, "r-1", flag ? "VS-9" : null, 1, at);
            case 18 -> new SatisfactionGiven(ref, "q-1", Satisfaction.SATISFIED, text, Channel.WEB, null, at);
            case 19 ->
                new UpdatePreferenceChanged(
                        ref,
                        preference,
                        flag ? new CitizenDetails(null, "a" + random.nextInt(3) + "@example.org", null) : null,
                        at.plus(days(14)),
                        at);
            case 20 -> new UpdateOverdue(ref, at);
            case 21 -> new KeyDecisionMade(ref, text.substring(0, Math.min(text.length(), 200)), at, at.plus(days(5)));
            case 22 -> new KeyDecisionUpdateOverdue(ref, at);
            case 23 ->
                new UpdateDeliveryRecorded(
                        ref,
                        "update-" + random.nextInt(3),
                        UpdateChannel.values()[random.nextInt(2)],
                        DeliveryStatus.values()[random.nextInt(DeliveryStatus.values().length)],
                        random.nextInt(4),
                        flag ? "notify-" + random.nextInt(9) : null,
                        flag ? null : text.substring(0, Math.min(text.length(), 900)),
                        at);
            case 24 -> new RetentionReviewScheduled(ref, "P6Y", at.plus(days(2000)), at);
            case 25 -> flag ? new RetentionReviewFellDue(ref, at) : new RetentionExtended(ref, text, at, "h", at);
            default -> new CaseDisposed(ref, text, "h", at);
        };
    }

    private static CaseOpened opened(String reference, ReportCategory category, Instant at) {
        return new CaseOpened(
                reference,
                "contact-0",
                Channel.WEB,
                category,
                "hash",
                new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY, null),
                new CitizenDetails("Siân O'Neill", "sian@example.org", "07700 900123"),
                "CF10 1AA",
                at,
                at.plus(days(7)));
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
