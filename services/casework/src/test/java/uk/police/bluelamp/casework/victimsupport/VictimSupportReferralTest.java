package uk.police.bluelamp.casework.victimsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.casework.FakeVictimSupport;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralFailed;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** Victims' Code Right 4 end to end in the module: consent, the HTTP referral, a refusal, the retry. */
class VictimSupportReferralTest extends CaseworkIntegrationTest {

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private VictimSupportReferrals referrals;

    @Test
    void aConsentedReferralReachesTheServiceInTheDocumentedShapeAndIsRetriedUntilAccepted() {
        String reference = "BL-2026-" + (600000 + (int) (Math.random() * 99999));
        Instant now = Instant.now();
        UpdatePreference online = new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.WEEKLY);
        // Published as the case would (the module has no deadline manager for OpenCase's deadlines).
        FakeVictimSupport.get().failNext(1);
        transactions.executeWithoutResult(tx -> eventStore.publish(
                new GenericDomainEventMessage<>(
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
                                CitizenDetails.none(),
                                null,
                                now,
                                online.nextUpdateDue(now))),
                new GenericDomainEventMessage<>(
                        "Case",
                        reference,
                        1,
                        new VictimSupportReferralRequested(
                                reference,
                                "r-" + reference,
                                "Victim Support",
                                ReportCategory.THEFT,
                                "Sam Citizen",
                                null,
                                "07700900123",
                                now,
                                UpdatePreference.plusWorkingDays(now, 2)))));

        await().until(() -> events(reference).stream().anyMatch(VictimSupportReferralFailed.class::isInstance));
        await().untilAsserted(() -> {
            referrals.retry();
            assertThat(events(reference)).anyMatch(VictimSupportReferralSent.class::isInstance);
        });

        List<FakeVictimSupport.Received> received = FakeVictimSupport.get().received(reference);
        assertThat(received).hasSizeGreaterThanOrEqualTo(2);
        JsonNode referral = received.get(received.size() - 1).body();
        assertThat(referral.path("referralId").asText()).isEqualTo("r-" + reference);
        assertThat(referral.path("offence").path("code").asText()).isEqualTo("THEFT");
        assertThat(referral.path("victim").path("name").asText()).isEqualTo("Sam Citizen");
        assertThat(referral.path("victim").path("phone").asText()).isEqualTo("07700900123");
        assertThat(referral.path("victim").path("email").isNull()).isTrue();
        assertThat(received.get(0).headers().get("Authorization"))
                .containsExactly("Bearer " + FakeVictimSupport.API_KEY);
        assertThat(received.get(0).headers().get("Idempotency-key")).containsExactly("r-" + reference);
        assertThat(events(reference).stream()
                        .filter(VictimSupportReferralSent.class::isInstance)
                        .map(VictimSupportReferralSent.class::cast)
                        .findFirst()
                        .orElseThrow()
                        .serviceReference())
                .startsWith("VS-");
    }

    private List<Object> events(String reference) {
        return eventStore
                .readEvents(reference, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }
}
