package uk.police.bluelamp.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.casework.ReadModelCopies;
import uk.police.bluelamp.casework.casefile.VictimsCode;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.CrimeNotRecorded;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/**
 * The ledger written a batch at a time holds the rows the events' own statements left one at a
 * time (the statements the projection ran before it gathered batches, kept here as the
 * reference): random runs over a few cases, with obligations of cases never opened, repeated
 * openings, redelivered events, finished and reopened cases, and moments out of order, at the
 * same instant and half a microsecond apart.
 */
class LedgerBatchTest extends CaseworkIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (ReadModelCopies copies =
                new ReadModelCopies(jdbc, dataSource, "victims_code_ledger", "victims_code_case")) {
            AnnotationEventHandlerAdapter projection =
                    new AnnotationEventHandlerAdapter(new LedgerProjection(copies.batchedTables()));
            Reference reference = new Reference(copies.oneByOneTables());
            for (int round = 0; round < 60; round++) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int i = random.nextInt(20); i >= 0; i--) {
                    EventMessage<?> fresh = GenericEventMessage.asEventMessage(anyEvent(random, round));
                    batch.add(random.nextInt(8) == 0 ? copies.again(random).orElse(fresh) : fresh);
                }
                copies.round(batch, reference::on, projection, 6);
            }
            assertThat(copies.failedRounds()).as("seed %d", seed).isZero();
            assertThat(copies.batchedRows().get("victims_code_ledger"))
                    .as("seed %d: obligations met and ended", seed)
                    .anyMatch(row -> row.get("met_at") != null)
                    .anyMatch(row -> row.get("ended_at") != null)
                    .hasSizeGreaterThan(50);
        }
    }

    /** Cases come into being as the rounds go on; one is never opened. */
    private static Object anyEvent(Random random, int round) {
        String reference = random.nextInt(30) == 0 ? "BL-NEVER" : "BL-" + random.nextInt(2 + round / 6);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 3_600L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        Instant due = at.plusSeconds(random.nextInt(4) * 3_600L).plusNanos(random.nextInt(2) * 500);
        UpdatePreference preference = new UpdatePreference(
                UpdateChannel.values()[random.nextInt(UpdateChannel.values().length)],
                UpdateFrequency.values()[random.nextInt(UpdateFrequency.values().length)]);
        return switch (random.nextInt(reference.equals("BL-NEVER") ? 10 : 12)) {
            case 0 ->
                new PublicUpdatePublished(
                        reference, "u", null, random.nextBoolean(), UpdateChannel.EMAIL, "h", at, due);
            case 1 -> new KeyDecisionMade(reference, null, at, due);
            case 2 -> new CrimeRecorded(reference, "CR/1", "h", at);
            case 3 -> new CrimeNotRecorded(reference, null, "h", at);
            case 4 ->
                new VictimSupportReferralRequested(
                        reference, "r", "Victim Support", ReportCategory.THEFT, null, null, null, at, due);
            case 5 -> new VictimSupportReferralSent(reference, "r", "VS-1", 1, at);
            case 6 -> new UpdatePreferenceChanged(reference, preference, CitizenDetails.none(), due, at);
            case 7, 8 ->
                new CaseStatusChanged(
                        reference,
                        CaseStatus.RECEIVED,
                        CaseStatus.values()[random.nextInt(CaseStatus.values().length)],
                        null,
                        null,
                        "h",
                        at);
            case 9 -> new CaseReopened(reference, null, "h", at);
            default ->
                new CaseOpened(
                        reference,
                        "c",
                        Channel.WEB,
                        random.nextBoolean() ? ReportCategory.LOST_PROPERTY : ReportCategory.THEFT,
                        "f".repeat(64),
                        preference,
                        CitizenDetails.none(),
                        null,
                        at,
                        due);
        };
    }

    /** The projection's statements as it ran them for each event, before it gathered batches. */
    private record Reference(JdbcClient jdbc) {

        void on(Object event, String id) {
            if (event instanceof CaseOpened e) {
                jdbc.sql("""
                        insert into victims_code_case (reference, update_channel, update_frequency)
                        values (:reference, :channel, :frequency) on conflict (reference) do nothing
                        """)
                        .param("reference", e.reference())
                        .param("channel", e.updatePreference().channel().name())
                        .param("frequency", e.updatePreference().frequency().name())
                        .update();
                arise(id + ":updates", e.reference(), VictimsCodeRight.UPDATES, e.openedAt(), e.nextUpdateDue());
                if (e.category() != ReportCategory.LOST_PROPERTY) {
                    arise(
                            id + ":crime",
                            e.reference(),
                            VictimsCodeRight.CRIME_RECORDING,
                            e.openedAt(),
                            e.openedAt().plus(VictimsCode.CRIME_DECISION_WITHIN));
                }
            } else if (event instanceof PublicUpdatePublished e) {
                settle("met_at", e.reference(), VictimsCodeRight.UPDATES, e.at(), id);
                if (e.keyDecision()) {
                    settle("met_at", e.reference(), VictimsCodeRight.KEY_DECISIONS, e.at(), id);
                }
                if (!finished(e.reference())) {
                    arise(id, e.reference(), VictimsCodeRight.UPDATES, e.at(), e.nextUpdateDue());
                }
            } else if (event instanceof KeyDecisionMade e) {
                arise(id, e.reference(), VictimsCodeRight.KEY_DECISIONS, e.at(), e.updateDueBy());
            } else if (event instanceof CrimeRecorded e) {
                settle("met_at", e.reference(), VictimsCodeRight.CRIME_RECORDING, e.at(), id);
            } else if (event instanceof CrimeNotRecorded e) {
                settle("met_at", e.reference(), VictimsCodeRight.CRIME_RECORDING, e.at(), id);
            } else if (event instanceof VictimSupportReferralRequested e) {
                arise(id, e.reference(), VictimsCodeRight.VICTIM_SUPPORT, e.at(), e.dueBy());
            } else if (event instanceof VictimSupportReferralSent e) {
                settle("met_at", e.reference(), VictimsCodeRight.VICTIM_SUPPORT, e.at(), id);
            } else if (event instanceof UpdatePreferenceChanged e) {
                jdbc.sql("""
                        update victims_code_case set update_channel = :channel, update_frequency = :frequency
                        where reference = :reference
                        """)
                        .param("channel", e.preference().channel().name())
                        .param("frequency", e.preference().frequency().name())
                        .param("reference", e.reference())
                        .update();
                settle("ended_at", e.reference(), VictimsCodeRight.UPDATES, e.at(), id);
                if (!finished(e.reference())) {
                    arise(id, e.reference(), VictimsCodeRight.UPDATES, e.at(), e.nextUpdateDue());
                }
            } else if (event instanceof CaseStatusChanged e) {
                if (VictimsCode.FINISHED.contains(e.to())) {
                    finished(e.reference(), true);
                    settle("ended_at", e.reference(), VictimsCodeRight.UPDATES, e.at(), id);
                }
            } else if (event instanceof CaseReopened e) {
                finished(e.reference(), false);
                jdbc.sql("select update_channel, update_frequency from victims_code_case where reference = :reference")
                        .param("reference", e.reference())
                        .query((rs, n) -> new UpdatePreference(
                                UpdateChannel.valueOf(rs.getString(1)), UpdateFrequency.valueOf(rs.getString(2))))
                        .list()
                        .forEach(chosen -> arise(
                                id, e.reference(), VictimsCodeRight.UPDATES, e.at(), chosen.nextUpdateDue(e.at())));
            } else {
                throw new IllegalArgumentException(event.toString());
            }
        }

        private void arise(String id, String reference, VictimsCodeRight right, Instant at, Instant due) {
            jdbc.sql("""
                    insert into victims_code_ledger (obligation_id, reference, code_right, arose_at, due_at)
                    values (:id, :reference, :right, :at, :due) on conflict (obligation_id) do nothing
                    """)
                    .param("id", id)
                    .param("reference", reference)
                    .param("right", right.name())
                    .param("at", Timestamp.from(at))
                    .param("due", Timestamp.from(due))
                    .update();
        }

        private void settle(String column, String reference, VictimsCodeRight right, Instant at, String eventId) {
            jdbc.sql("update victims_code_ledger set " + column + " = :at "
                            + "where reference = :reference and code_right = :right and met_at is null "
                            + "and ended_at is null and arose_at <= :at and obligation_id <> :id")
                    .param("at", Timestamp.from(at))
                    .param("reference", reference)
                    .param("right", right.name())
                    .param("id", eventId)
                    .update();
        }

        private boolean finished(String reference) {
            return jdbc.sql("select finished from victims_code_case where reference = :reference")
                    .param("reference", reference)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
        }

        private void finished(String reference, boolean finished) {
            jdbc.sql("update victims_code_case set finished = :finished where reference = :reference")
                    .param("finished", finished)
                    .param("reference", reference)
                    .update();
        }
    }
}
