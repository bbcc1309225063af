package uk.police.bluelamp.resourcing.citizenreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.signposting.SignpostReason;
import uk.police.bluelamp.messages.signposting.event.CitizenSignposted;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;

/**
 * Signposts and satisfaction answers of a month of their own (March 2041), read back by month:
 * every signpost counted, and a channel's few answers withheld while a channel's many are shown.
 */
class CitizenReportsTest extends ResourcingIntegrationTest {

    private static final Instant MARCH = Instant.parse("2041-03-10T12:00:00Z");
    private static final MonthRange SPRING = new MonthRange(YearMonth.of(2041, 2), YearMonth.of(2041, 3));

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private CitizenReports reports;

    @Test
    void signpostsAreCountedByReasonAndFewAnswersAreWithheld() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(GenericEventMessage.asEventMessage(
                    new CitizenSignposted(UUID.randomUUID().toString(), SignpostReason.FRAUD, Channel.WEB, MARCH)));
        }
        events.add(GenericEventMessage.asEventMessage(
                new CitizenSignposted(UUID.randomUUID().toString(), SignpostReason.NOISE, Channel.CHAT, MARCH)));
        for (int i = 0; i < 13; i++) {
            events.add(answer(i < 10 ? Satisfaction.SATISFIED : Satisfaction.VERY_DISSATISFIED, Channel.WEB));
        }
        for (int i = 0; i < 2; i++) {
            events.add(answer(Satisfaction.VERY_SATISFIED, Channel.PHONE));
        }
        transactions.executeWithoutResult(tx -> eventStore.publish(events));

        await().until(() -> reports.signposts(SPRING).get(1).total() == 4
                && jdbc.sql("select count(*) from satisfaction_fact where at = :at")
                                .param("at", java.sql.Timestamp.from(MARCH))
                                .query(Long.class)
                                .single()
                        == 15);

        CitizenReports.SignpostMonth march = reports.signposts(SPRING).get(1);
        assertThat(march.reasons())
                .containsExactly(
                        new CitizenReports.ReasonCount(SignpostReason.FRAUD, 3),
                        new CitizenReports.ReasonCount(SignpostReason.LOST_PROPERTY, 0),
                        new CitizenReports.ReasonCount(SignpostReason.NOISE, 1));
        assertThat(reports.signposts(SPRING).get(0).total()).isZero();

        List<CitizenReports.ChannelSatisfaction> channels =
                reports.satisfaction(SPRING).get(1).channels();
        CitizenReports.ChannelSatisfaction web = channels.get(Channel.WEB.ordinal());
        assertThat(web.answers()).isEqualTo(13);
        assertThat(web.counts().get(Satisfaction.SATISFIED)).isEqualTo(10);
        assertThat(web.counts().get(Satisfaction.VERY_DISSATISFIED))
                .as("three of one answer could point to who gave it")
                .isNull();
        assertThat(web.counts().get(Satisfaction.NEITHER)).isZero();
        assertThat(web.percentSatisfied()).isEqualTo(76.9);
        CitizenReports.ChannelSatisfaction phone = channels.get(Channel.PHONE.ordinal());
        assertThat(phone.answers()).isNull();
        assertThat(phone.percentSatisfied()).isNull();
        assertThat(channels.get(Channel.CHAT.ordinal()).answers()).isZero();
    }

    private static EventMessage<?> answer(Satisfaction satisfaction, Channel channel) {
        String reference = "BL-2041-" + (100000 + (int) (Math.random() * 899999));
        return new GenericDomainEventMessage<>(
                "Case",
                reference,
                0,
                new SatisfactionGiven(
                        reference, "q-1", satisfaction, "a comment", channel, UpdateChannel.EMAIL, MARCH));
    }
}
