package uk.police.bluelamp.resourcing.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures.HandlerTime;
import uk.police.bluelamp.resourcing.facts.ContactCentreFigures.Interval;

/** A morning's contacts and a handler's shift, fed as events, read back as the period's figures. */
class ContactCentreFactsTest extends ResourcingIntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ContactCentreFigures figures;

    @Test
    void aMorningsChatsAndCallsAreCountedInTheirQuarterHourAndTheHandlersTimeIsSplitByState() {
        // A day of its own, far from other tests' contacts.
        Instant nine = Instant.parse("2031-03-04T09:00:00Z").plus(Duration.ofDays(new Random().nextInt(3000)));
        String handler = "h-" + UUID.randomUUID();
        handler(handler, 0, Availability.AVAILABLE, Availability.OFFLINE, nine);
        handler(handler, 1, Availability.BUSY, Availability.AVAILABLE, nine.plusSeconds(1800));
        handler(handler, 2, Availability.OFFLINE, Availability.BUSY, nine.plusSeconds(3600));

        String answered = chat(nine.plusSeconds(60));
        publish(
                answered,
                1,
                new ContactAssigned(answered, Channel.CHAT, handler, Assignment.TAKEN, nine.plusSeconds(120)));
        publish(answered, 2, new ContactClosed(answered, Channel.CHAT, handler, "Advice given", nine.plusSeconds(600)));
        String leftQuickly = chat(nine.plusSeconds(300));
        publish(leftQuickly, 1, new ContactAbandoned(leftQuickly, Channel.CHAT, nine.plusSeconds(320)));
        String leftLater = chat(nine.plusSeconds(400));
        publish(leftLater, 1, new ContactAbandoned(leftLater, Channel.CHAT, nine.plusSeconds(500)));
        String nextQuarter = chat(nine.plusSeconds(960));
        String call = UUID.randomUUID().toString();
        publish(
                call,
                0,
                new CallRang(call, new CallDetails("c-1", null, "101", "inbound", "main"), nine.plusSeconds(30)));

        Duration target = Duration.ofSeconds(90);
        Duration shortAbandon = Duration.ofSeconds(30);
        await().until(() -> figures.intervals(Channel.CHAT, nine, nine.plusSeconds(3600), target, shortAbandon).stream()
                        .mapToLong(Interval::offered)
                        .sum()
                == 4);
        // Contacts are spread over the processor's segments: wait for every one of them.
        await().until(() -> figures.intervals(Channel.PHONE, nine, nine.plusSeconds(3600), target, shortAbandon)
                                .size()
                        == 1
                && figures.intervals(Channel.CHAT, nine, nine.plusSeconds(900), target, shortAbandon).stream()
                        .anyMatch(i -> i.handled() == 1 && i.abandoned() == 2));
        await().until(() -> figures.handlers(nine, nine.plusSeconds(3600)).stream()
                .anyMatch(h -> h.handler().equals(handler) && h.onContactsSeconds() > 0 && h.busySeconds() > 0));

        List<Interval> chats = figures.intervals(Channel.CHAT, nine, nine.plusSeconds(3600), target, shortAbandon);
        assertThat(chats).extracting(Interval::start).containsExactly(nine, nine.plusSeconds(900));
        Interval first = chats.get(0);
        assertThat(first.offered()).isEqualTo(3);
        assertThat(first.answered()).isEqualTo(1);
        assertThat(first.abandoned()).isEqualTo(2);
        assertThat(first.shortAbandoned()).as("left within 30 s").isEqualTo(1);
        assertThat(first.answeredWithinTarget()).isEqualTo(1);
        assertThat(first.speedOfAnswerSeconds()).isCloseTo(60, within(0.01));
        assertThat(first.handled()).isEqualTo(1);
        assertThat(first.handleSeconds()).isCloseTo(480, within(0.01));
        assertThat(chats.get(1).offered()).isEqualTo(1);
        assertThat(chats.get(1).answered()).isZero();
        assertThat(figures.intervals(Channel.PHONE, nine, nine.plusSeconds(3600), target, shortAbandon))
                .singleElement()
                .extracting(Interval::offered)
                .isEqualTo(1L);

        HandlerTime time = figures.handlers(nine, nine.plusSeconds(3600)).stream()
                .filter(h -> h.handler().equals(handler))
                .findFirst()
                .orElseThrow();
        assertThat(time.availableSeconds()).isCloseTo(1800, within(0.01));
        assertThat(time.busySeconds()).isCloseTo(1800, within(0.01));
        assertThat(time.onContactsSeconds()).isCloseTo(480, within(0.01));
        assertThat(time.occupancy()).isCloseTo(480.0 / 3600, within(0.0001));
        // Half the hour: the spans are clipped to the period asked about.
        HandlerTime firstHalf = figures.handlers(nine, nine.plusSeconds(1800)).stream()
                .filter(h -> h.handler().equals(handler))
                .findFirst()
                .orElseThrow();
        assertThat(firstHalf.availableSeconds()).isCloseTo(1800, within(0.01));
        assertThat(firstHalf.busySeconds()).isZero();
    }

    private String chat(Instant at) {
        String id = UUID.randomUUID().toString();
        publish(id, 0, new ChatStarted(id, "Alex Smith", "Noise", "hash", at));
        return id;
    }

    private void handler(String handler, long seq, Availability status, Availability previous, Instant at) {
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "Handler", handler, seq, new HandlerAvailabilityChanged(handler, status, previous, at))));
    }

    private void publish(String aggregateId, long seq, Object payload) {
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>("Contact", aggregateId, seq, payload)));
    }
}
