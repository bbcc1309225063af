package uk.police.bluelamp.casework.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.casework.casefile.CaseRefused;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.TrackingCodeSent;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.reply.ReplyMatch;
import uk.police.bluelamp.messages.reply.command.AttachReply;
import uk.police.bluelamp.messages.reply.command.CloseReply;
import uk.police.bluelamp.messages.reply.command.ReceiveReply;
import uk.police.bluelamp.messages.reply.event.ReplyClosed;
import uk.police.bluelamp.messages.reply.event.ReplyMatched;
import uk.police.bluelamp.messages.reply.event.ReplyReceived;

/** A reply received once however often it is delivered, and handled once; and what counts as a verified sender. */
class ReplyTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final String ID = "sms-7b0e3c1a-1f0c-4c55-9a51-0f6c0b1f7a21";
    private static final ReplyReceived RECEIVED =
            new ReplyReceived(ID, ReplyChannel.SMS, "447700900123", null, "Is there any news?", AT);

    private AggregateTestFixture<Reply> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Reply.class);
    }

    private static ReceiveReply receive(String reference, ReplyMatch how) {
        return new ReceiveReply(ID, ReplyChannel.SMS, "447700900123", null, "Is there any news?", AT, reference, how);
    }

    @Test
    void aMatchedReplyIsReceivedAndPutOnItsCaseAtOnce() {
        fixture.givenNoPriorActivity()
                .when(receive("BL-2026-000123", ReplyMatch.SENDER))
                .expectEvents(RECEIVED, new ReplyMatched(ID, "BL-2026-000123", ReplyMatch.SENDER, null, AT))
                .expectResultMessagePayload(true);
    }

    @Test
    void aSecondDeliveryOfTheSameReplyStoresNothing() {
        fixture.given(RECEIVED)
                .when(receive("BL-2026-000123", ReplyMatch.SENDER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anUnmatchedReplyIsAttachedByAHandlerOnceAndAnswersWhatWasReceived() {
        fixture.given(RECEIVED)
                .when(new AttachReply(ID, "BL-2026-000124", "handler", AT.plusSeconds(60)))
                .expectEvents(new ReplyMatched(ID, "BL-2026-000124", ReplyMatch.HANDLER, "handler", AT.plusSeconds(60)))
                .expectResultMessagePayload(RECEIVED);
        fixture.given(RECEIVED, new ReplyMatched(ID, "BL-2026-000124", ReplyMatch.HANDLER, "handler", AT))
                .when(new CloseReply(ID, null, "handler", AT))
                .expectException(CaseRefused.class)
                .expectNoEvents();
    }

    @Test
    void aClosedReplyCannotBeAttached() {
        fixture.given(RECEIVED, new ReplyClosed(ID, "Wrong number", "handler", AT))
                .when(new AttachReply(ID, "BL-2026-000124", "handler", AT))
                .expectException(CaseRefused.class)
                .expectNoEvents();
    }

    @Test
    void aNumberIsVerifiedOnceNotifyTookAMessageToItAndOnlyWhileItIsTheCasesNumber() {
        String key = ReplyMatcher.key(ReplyChannel.SMS, "+44 7700 900123");
        assertThat(key).isEqualTo(ReplyMatcher.key(ReplyChannel.SMS, "07700 900123"));
        CaseOpened opened = opened("07700 900123");
        assertThat(ReplyMatcher.verified(Stream.of(opened), ReplyChannel.SMS, key))
                .as("never sent to")
                .isFalse();
        assertThat(ReplyMatcher.verified(Stream.of(opened, sent(DeliveryStatus.FAILED)), ReplyChannel.SMS, key))
                .as("Notify refused it")
                .isFalse();
        assertThat(ReplyMatcher.verified(Stream.of(opened, sent(DeliveryStatus.SENT)), ReplyChannel.SMS, key))
                .isTrue();
        assertThat(ReplyMatcher.verified(
                        Stream.of(opened, new TrackingCodeSent("BL-2026-000123", UpdateChannel.SMS, "n", AT)),
                        ReplyChannel.SMS,
                        key))
                .as("the tracking code sent by text")
                .isTrue();
        assertThat(ReplyMatcher.verified(Stream.of(opened, sent(DeliveryStatus.SENT)), ReplyChannel.EMAIL, key))
                .as("a text does not verify an email address")
                .isFalse();
        UpdatePreference sms = new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.WEEKLY);
        Object changed = new UpdatePreferenceChanged(
                "BL-2026-000123", sms, new CitizenDetails("Sam", null, "07700 900999"), AT, AT);
        assertThat(ReplyMatcher.verified(Stream.of(opened, sent(DeliveryStatus.SENT), changed), ReplyChannel.SMS, key))
                .as("the citizen changed their number since")
                .isFalse();
    }

    @Test
    void referencesAreFoundInAnyCaseAndOnlyOnce() {
        assertThat(ReplyMatcher.mentioned("Re: bl-2026-000123", "About BL-2026-000123 and BL-2025-000009"))
                .containsExactly("BL-2026-000123", "BL-2025-000009");
    }

    @Test
    void aCallerIsKnownByItsTokenAloneInConstantTime() {
        assertThat(InboundCallers.presented("Bearer s3cret-token-value", "s3cret-token-value", false))
                .isTrue();
        assertThat(InboundCallers.presented("Bearer wrong", "s3cret-token-value", false))
                .isFalse();
        assertThat(InboundCallers.presented("Bearer ", "", false))
                .as("no token set")
                .isFalse();
        String basic = java.util.Base64.getEncoder().encodeToString("postmark:s3cret-token-value".getBytes());
        assertThat(InboundCallers.presented("Basic " + basic, "s3cret-token-value", true))
                .isTrue();
        assertThat(InboundCallers.presented("Basic " + basic, "s3cret-token-value", false))
                .as("Basic only where allowed")
                .isFalse();
        assertThat(InboundCallers.presented("Basic %%%", "s3cret-token-value", true))
                .isFalse();
    }

    private static CaseOpened opened(String phone) {
        UpdatePreference sms = new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.WEEKLY);
        return new CaseOpened(
                "BL-2026-000123",
                "contact-1",
                Channel.WEB,
                ReportCategory.THEFT,
                "f".repeat(64),
                sms,
                new CitizenDetails("Sam", "sam@example.org", phone),
                null,
                AT,
                AT);
    }

    private static UpdateDeliveryRecorded sent(DeliveryStatus status) {
        return new UpdateDeliveryRecorded("BL-2026-000123", "u-1", UpdateChannel.SMS, status, 1, "n", null, AT);
    }
}
