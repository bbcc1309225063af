package uk.police.bluelamp.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.casework.ledger.Ledger.Obligation;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.casefile.VictimsCodeTotals;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.EnhancedRightsSet;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.casefile.query.FindVictimsCodeTotals;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/**
 * The ledger fed a case's events through the real event store, read back as at several moments.
 * May 2026 in London is BST (UTC+1); Monday 4 May 2026 is the Early May bank holiday.
 */
class LedgerProjectionTest extends CaseworkIntegrationTest {

    private static final String REF = "BL-2026-" + (800000 + (int) (Math.random() * 99999));
    private static final UpdatePreference WEEKLY_EMAIL =
            new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY);
    private static final UpdatePreference MONTHLY_SMS =
            new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.MONTHLY);
    private static final Instant OPENED = Instant.parse("2026-04-30T09:00:00Z"); // Thursday
    private static final Instant DECIDED = Instant.parse("2026-05-01T09:00:00Z"); // Friday
    private static final Instant TOLD = Instant.parse("2026-05-06T09:00:00Z"); // Wednesday: 2nd working day
    private static final Instant AFTER_DUE = Instant.parse("2026-05-05T10:00:00Z");

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private Ledger ledger;

    @Autowired
    private QueryGateway queries;

    private long sequence;

    @Test
    void aKeyDecisionUnderEnhancedRightsToldOnTheSecondWorkingDayIsMissedAndPastAnswersStand() {
        publish(new CaseOpened(
                REF,
                UUID.randomUUID().toString(),
                Channel.WEB,
                ReportCategory.THEFT,
                "f".repeat(64),
                WEEKLY_EMAIL,
                CitizenDetails.none(),
                null,
                OPENED,
                WEEKLY_EMAIL.nextUpdateDue(OPENED)));
        publish(new CrimeRecorded(REF, "CR/1/26", "handler", Instant.parse("2026-04-30T15:00:00Z")));
        publish(new EnhancedRightsSet(REF, true, "handler", Instant.parse("2026-04-30T15:30:00Z")));
        // The case's own rule: 1 working day under Enhanced Rights, the bank holiday skipped.
        Instant due = UpdatePreference.plusWorkingDays(DECIDED, 1);
        assertThat(due).isEqualTo("2026-05-05T09:00:00Z");
        publish(new KeyDecisionMade(REF, "Referred", DECIDED, due));
        await().until(() -> rows() == 3);

        List<Obligation> beforeDue = ledger.ofCase(REF, Instant.parse("2026-05-05T08:00:00Z"));
        assertThat(statuses(beforeDue))
                .containsExactly("CRIME_RECORDING MET", "UPDATES PENDING", "KEY_DECISIONS PENDING");
        List<Obligation> thenAfterDue = ledger.ofCase(REF, AFTER_DUE);
        assertThat(statuses(thenAfterDue))
                .containsExactly("CRIME_RECORDING MET", "UPDATES PENDING", "KEY_DECISIONS MISSED");
        assertThat(thenAfterDue.get(2).dueAt()).isEqualTo("2026-05-05T09:00:00Z");

        publish(new PublicUpdatePublished(
                REF,
                "u-1",
                "We referred it",
                true,
                UpdateChannel.EMAIL,
                "handler",
                TOLD,
                WEEKLY_EMAIL.nextUpdateDue(TOLD)));
        Instant changed = Instant.parse("2026-05-08T09:00:00Z");
        publish(new UpdatePreferenceChanged(
                REF, MONTHLY_SMS, CitizenDetails.none(), MONTHLY_SMS.nextUpdateDue(changed), changed));
        // Right 4: consent on Friday, due two working days later, accepted on the Monday.
        Instant consented = Instant.parse("2026-05-08T10:00:00Z");
        publish(new VictimSupportReferralRequested(
                REF,
                "referral-1",
                "Victim Support",
                ReportCategory.THEFT,
                null,
                null,
                "07700900123",
                consented,
                UpdatePreference.plusWorkingDays(consented, 2)));
        publish(new VictimSupportReferralSent(REF, "referral-1", "VS-1", 1, Instant.parse("2026-05-11T10:00:00Z")));
        await().until(() -> rows() == 6 && referralMet());

        assertThat(ledger.ofCase(REF, AFTER_DUE))
                .as("the same answer for that moment, now")
                .isEqualTo(thenAfterDue);
        List<Obligation> told = ledger.ofCase(REF, Instant.parse("2026-05-07T00:00:00Z"));
        assertThat(statuses(told))
                .containsExactly("CRIME_RECORDING MET", "UPDATES MET", "KEY_DECISIONS MISSED", "UPDATES PENDING");
        assertThat(told.get(2).metAt())
                .as("told late: still missed, with the day it was told")
                .isEqualTo(TOLD);
        assertThat(told.get(3).dueAt()).isEqualTo("2026-05-13T09:00:00Z");
        List<Obligation> endOfMay = ledger.ofCase(REF, Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(statuses(endOfMay))
                .as("the weekly update no longer owed once the victim chose monthly; the referral passed on in time")
                .containsExactly(
                        "CRIME_RECORDING MET",
                        "UPDATES MET",
                        "KEY_DECISIONS MISSED",
                        "UPDATES PENDING",
                        "VICTIM_SUPPORT MET");
        assertThat(endOfMay.get(4).dueAt()).isEqualTo("2026-05-12T10:00:00Z");
        assertThat(endOfMay.get(3).dueAt()).isEqualTo("2026-06-08T09:00:00Z");

        VictimsCodeTotals may = queries.query(new FindVictimsCodeTotals(YearMonth.of(2026, 5)), VictimsCodeTotals.class)
                .join();
        assertThat(may.rights())
                .containsExactly(
                        new VictimsCodeTotals.Right(VictimsCodeRight.UPDATES, 1, 0, 0, 100.0),
                        new VictimsCodeTotals.Right(VictimsCodeRight.KEY_DECISIONS, 0, 1, 0, 0.0),
                        new VictimsCodeTotals.Right(VictimsCodeRight.CRIME_RECORDING, 1, 0, 0, 100.0),
                        new VictimsCodeTotals.Right(VictimsCodeRight.VICTIM_SUPPORT, 1, 0, 0, 100.0));
        assertThat(ledger.totals(YearMonth.of(2026, 5), Instant.parse("2026-05-05T08:00:00Z"))
                        .rights())
                .extracting(VictimsCodeTotals.Right::pending)
                .containsExactly(1, 1, 0, 0);
    }

    private static List<String> statuses(List<Obligation> obligations) {
        return obligations.stream().map(o -> o.right() + " " + o.status()).toList();
    }

    private boolean referralMet() {
        return jdbc.sql(
                                "select count(*) from victims_code_ledger where reference = :r and code_right = 'VICTIM_SUPPORT'"
                                        + " and met_at is not null")
                        .param("r", REF)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long rows() {
        return jdbc.sql("select count(*) from victims_code_ledger where reference = :r")
                .param("r", REF)
                .query(Long.class)
                .single();
    }

    private void publish(Object payload) {
        long next = sequence++;
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>("Case", REF, next, payload)));
    }
}
