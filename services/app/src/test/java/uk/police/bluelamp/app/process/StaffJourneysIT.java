package uk.police.bluelamp.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.FakeNotify;

/**
 * Staff at work: contact-centre.mjs (live chat between two browsers, the console and the
 * supervisor's view), casework.mjs (a handler works a case; the citizen sees updates, changes
 * their preference and messages the handler) and audit.mjs (an auditor's case trail, point in
 * time, replay and integrity check).
 */
class StaffJourneysIT extends BrowserJourneys {

    @Test
    void aCitizenAndAHandlerChatLiveAndASupervisorWatchesTheQueues() throws Exception {
        runJourney("contact-centre.mjs");
        // The citizen asked for a copy of the ended chat (steps/transcript.mjs): the delivery
        // processor sends it with the transcript template, which the journey never waited for.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(FakeNotify.get().sent()).anySatisfy(email -> {
                    assertThat(email.body().path("template_id").asText())
                            .isEqualTo(FakeNotify.TRANSCRIPT_EMAIL_TEMPLATE);
                    assertThat(email.body().path("email_address").asText()).isEqualTo("alex@example.com");
                    assertThat(email.body()
                                    .path("personalisation")
                                    .path("transcript")
                                    .asText())
                            .contains("Hello, it has happened again this morning.");
                }));
    }

    @Test
    void aHandlerWorksACaseAndTheCitizenHearsAboutItTheWayTheyChose() throws Exception {
        int textsBefore = (int) FakeNotify.get().sent().stream()
                .filter(s -> s.kind().equals("sms"))
                .count();
        runJourney("casework.mjs");
        // The citizen chose text messages: the handler's public update went to Notify's SMS API
        // with the force's SMS template, carrying only the reference and a link. It is sent by an
        // event processor of its own, which the journey never waited for.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(FakeNotify.get().sent().stream()
                                .filter(s -> s.kind().equals("sms"))
                                .skip(textsBefore))
                        .anySatisfy(sms -> {
                            assertThat(sms.body().path("template_id").asText()).isEqualTo(FakeNotify.SMS_TEMPLATE);
                            assertThat(sms.body().path("personalisation").fieldNames())
                                    .toIterable()
                                    .containsExactlyInAnyOrder("reference", "link");
                        }));
    }

    @Test
    void anAuditorReadsACasesTrailSeesItAsItWasRebuildsAReadModelAndVerifiesTheLog() throws Exception {
        runJourney("audit.mjs");
    }
}
