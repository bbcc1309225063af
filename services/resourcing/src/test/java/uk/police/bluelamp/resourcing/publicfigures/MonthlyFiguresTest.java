package uk.police.bluelamp.resourcing.publicfigures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.YearMonth;
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
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;
import uk.police.bluelamp.resourcing.publicfigures.MonthlyFigures.ChannelMonth;

/** A month's public figures from known contacts: counts that could pick someone out are withheld. */
class MonthlyFiguresTest extends ResourcingIntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private MonthlyFigures figures;

    @Test
    void aMonthShowsWhatIsSafeToPublishAndWithholdsSmallNumbers() {
        YearMonth month = YearMonth.of(2100 + new Random().nextInt(400), 6);
        Instant noon =
                month.atDay(10).atTime(12, 0).atZone(MonthlyFigures.FORCE_ZONE).toInstant();
        for (int i = 0; i < 12; i++) {
            String chat = chat(noon.plusSeconds(600L * i));
            publish(
                    chat,
                    1,
                    new ContactAssigned(chat, Channel.CHAT, "h", Assignment.TAKEN, noon.plusSeconds(600L * i + 30)));
        }
        for (int i = 0; i < 3; i++) {
            String chat = chat(noon.plusSeconds(100L * i));
            publish(chat, 1, new ContactAbandoned(chat, Channel.CHAT, noon.plusSeconds(100L * i + 50)));
        }
        for (int i = 0; i < 2; i++) {
            String call = UUID.randomUUID().toString();
            publish(call, 0, new CallRang(call, new CallDetails("c-" + i, null, "101", "inbound", "main"), noon));
        }

        await().until(() -> chats(month).offered() != null && chats(month).offered() == 15);
        ChannelMonth chats = chats(month);
        assertThat(chats.answered()).isEqualTo(12);
        assertThat(chats.averageSecondsToAnswer()).isEqualTo(30);
        assertThat(chats.answeredWithinTargetPercent()).isEqualTo(100.0);
        assertThat(chats.abandoned())
                .as("three is few enough to point at someone")
                .isNull();
        assertThat(chats.abandonedPercent()).as("made from a withheld count").isNull();
        ChannelMonth phone = channel(month, Channel.PHONE);
        assertThat(phone.offered()).isNull();
        assertThat(phone.averageSecondsToAnswer()).isNull();
        ChannelMonth web = channel(month, Channel.WEB);
        assertThat(web.offered()).as("none at all identifies no one").isZero();
        assertThat(web.answeredWithinTargetPercent()).isNull();
    }

    private ChannelMonth chats(YearMonth month) {
        return channel(month, Channel.CHAT);
    }

    private ChannelMonth channel(YearMonth month, Channel channel) {
        return figures.of(month).channels().stream()
                .filter(c -> c.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    private String chat(Instant at) {
        String id = UUID.randomUUID().toString();
        publish(id, 0, new ChatStarted(id, null, "Noise", "hash", at));
        return id;
    }

    private void publish(String aggregateId, long seq, Object payload) {
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>("Contact", aggregateId, seq, payload)));
    }
}
