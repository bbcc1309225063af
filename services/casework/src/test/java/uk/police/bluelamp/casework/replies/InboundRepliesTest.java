package uk.police.bluelamp.casework.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.casework.casefile.CaseMessages;
import uk.police.bluelamp.casework.casefile.CaseRefused;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/** Replies through the casework module on its own PostgreSQL: matched, queued, attached, received once. */
class InboundRepliesTest extends CaseworkIntegrationTest {

    @Autowired
    private InboundReplies replies;

    @Autowired
    private UnmatchedRepliesController queue;

    @Autowired
    private CaseMessages messages;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private SubjectKeys subjects;

    @Test
    void aTextFromTheCasesVerifiedNumberBecomesTheCitizensMessageOnThatCaseOnce() {
        String phone = phone();
        String reference = caseTextedTo(phone);
        InboundReplies.Inbound text = sms(phone, "Any news? I found a witness.");

        assertThat(replies.receive(text)).isEqualTo(InboundReplies.Outcome.MATCHED);
        assertThat(replies.receive(text))
                .as("Notify's retry of the same callback")
                .isEqualTo(InboundReplies.Outcome.ALREADY_RECEIVED);

        assertThat(messages.of(reference)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(text.replyId());
            assertThat(m.from()).isEqualTo("CITIZEN");
            assertThat(m.author()).isEqualTo("text message");
            assertThat(m.text()).isEqualTo("Any news? I found a witness.");
        });
        assertThat(subjects.subjectOf(text.replyId()))
                .as("the reply is the case's person's data, erased with the case")
                .isEqualTo(subjects.subjectOf(reference));
    }

    @Test
    void aTextFromAnUnknownNumberOrNamingAnotherCaseWaitsForAHandlerWhoPutsItOnTheCase() {
        String phone = phone();
        String reference = caseTextedTo(phone);
        InboundReplies.Inbound stranger = sms(phone(), "This is about " + reference + ", please call me");
        InboundReplies.Inbound otherCase = sms(phone, "And about BL-2020-999999 too");

        assertThat(replies.receive(stranger)).isEqualTo(InboundReplies.Outcome.UNMATCHED);
        assertThat(replies.receive(otherCase)).isEqualTo(InboundReplies.Outcome.UNMATCHED);
        assertThat(messages.of(reference)).isEmpty();
        assertThat(subjects.subjectOf(stranger.replyId())).contains(stranger.replyId());
        await().until(() -> waiting().containsAll(List.of(stranger.replyId(), otherCase.replyId())));

        var handler = new TestingAuthenticationToken("handler", null, "ROLE_HANDLER");
        assertThat(queue.attach(
                                stranger.replyId(),
                                new UnmatchedRepliesController.AttachRequest("BL-2020-000001"),
                                handler)
                        .getStatusCode()
                        .value())
                .as("no such case: nothing changes")
                .isEqualTo(404);
        assertThat(queue.attach(stranger.replyId(), new UnmatchedRepliesController.AttachRequest(reference), handler)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(messages.of(reference))
                .extracting(CaseMessages.Message::text)
                .containsExactly(stranger.text());
        assertThatThrownBy(() -> queue.attach(
                        stranger.replyId(), new UnmatchedRepliesController.AttachRequest(reference), handler))
                .isInstanceOf(CaseRefused.class);
        assertThat(queue.close(otherCase.replyId(), new UnmatchedRepliesController.CloseRequest("Not ours"), handler)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        await().until(() ->
                !waiting().contains(stranger.replyId()) && !waiting().contains(otherCase.replyId()));
    }

    private List<String> waiting() {
        return jdbc.sql("select reply_id from unmatched_reply")
                .query(String.class)
                .list();
    }

    private static InboundReplies.Inbound sms(String phone, String text) {
        return new InboundReplies.Inbound(
                "sms-" + UUID.randomUUID(),
                ReplyChannel.SMS,
                phone,
                ReplyMatcher.key(ReplyChannel.SMS, phone),
                null,
                text,
                Instant.now());
    }

    private static String phone() {
        return "447700" + (100000 + (int) (Math.random() * 899999));
    }

    /** A case whose citizen gave the number, and Notify took an update to it: the number is verified. */
    private String caseTextedTo(String phone) {
        String reference = "BL-2026-" + (800000 + (int) (Math.random() * 99999));
        UpdatePreference sms = new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.WEEKLY);
        Instant at = Instant.now();
        // Published as the case would store them: opening a case schedules deadlines, which this module has no manager
        // for.
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
                                sms,
                                new CitizenDetails("Sam", null, "0" + phone.substring(2)),
                                null,
                                at,
                                at)),
                new GenericDomainEventMessage<>(
                        "Case",
                        reference,
                        1,
                        new UpdateDeliveryRecorded(
                                reference, "u-1", UpdateChannel.SMS, DeliveryStatus.SENT, 1, "n", null, at))));
        await().until(() -> jdbc.sql("select count(*) from case_view where reference = :r")
                        .param("r", reference)
                        .query(Integer.class)
                        .single()
                == 1);
        return reference;
    }
}
