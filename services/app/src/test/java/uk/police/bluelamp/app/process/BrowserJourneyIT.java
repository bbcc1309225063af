package uk.police.bluelamp.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.FakeNotify;

/**
 * The journeys in real Chromium against the packaged app, by keyboard alone, with axe-core on
 * every page: frontend/e2e/journey.mjs (report and track), contact-centre.mjs (live chat
 * between two browsers, the console and the supervisor's view), audit.mjs (an auditor's case
 * trail, point in time, replay and integrity check) and casework.mjs (a handler
 * works a case; the citizen sees updates, changes their preference and messages the handler),
 * hostile.mjs (script typed by citizens and staff stays text) and dataprotection.mjs (an
 * administrator exports a citizen's data, erases it, and waits until no read model holds it).
 */
class BrowserJourneyIT {

    private static final Path FRONTEND = Paths.get(System.getProperty("bluelamp.frontend-dir", "../../frontend"));
    private static Path dataDir;
    private static AppProcess app;

    @BeforeAll
    static void startApp() {
        assertThat(Paths.get("/usr/bin/chromium")).as("Chromium is installed by .ci/ensure-test-tools").exists();
        dataDir = AppProcess.testDir("journey-data");
        app = AppProcess.start(dataDir, dataDir.resolve("app.log"), List.of(
                "--bluelamp.notify.api-key=" + FakeNotify.API_KEY,
                "--bluelamp.notify.base-url=" + FakeNotify.get().baseUrl(),
                "--bluelamp.notify.email-template-id=" + FakeNotify.EMAIL_TEMPLATE,
                "--bluelamp.notify.sms-template-id=" + FakeNotify.SMS_TEMPLATE,
                // Slow enough that the auditor's replay progress bar is seen moving.
                "--bluelamp.audit.replay.events-per-second=15")).awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCitizenReportsAndTracksAndAHandlerFindsTheReport() throws Exception {
        runJourney("journey.mjs");
    }

    @Test
    void aCitizenAndAHandlerChatLiveAndASupervisorWatchesTheQueues() throws Exception {
        runJourney("contact-centre.mjs");
    }

    @Test
    void anAuditorReadsACasesTrailSeesItAsItWasRebuildsAReadModelAndVerifiesTheLog() throws Exception {
        runJourney("audit.mjs");
    }

    @Test
    void aHandlerWorksACaseAndTheCitizenHearsAboutItTheWayTheyChose() throws Exception {
        int textsBefore = (int) FakeNotify.get().sent().stream().filter(s -> s.kind().equals("sms")).count();
        runJourney("casework.mjs");
        // The citizen chose text messages: the handler's public update went to Notify's SMS API
        // with the force's SMS template, carrying only the reference and a link. It is sent by an
        // event processor of its own, which the journey never waited for.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(FakeNotify.get().sent().stream().filter(s -> s.kind().equals("sms")).skip(textsBefore))
                        .anySatisfy(sms -> {
                            assertThat(sms.body().path("template_id").asText()).isEqualTo(FakeNotify.SMS_TEMPLATE);
                            assertThat(sms.body().path("personalisation").fieldNames()).toIterable()
                                    .containsExactlyInAnyOrder("reference", "link");
                        }));
    }

    @Test
    void scriptAndHtmlTypedByCitizensAndStaffIsShownAsTextEverywhereAndNeverRuns() throws Exception {
        runJourney("hostile.mjs");
    }

    @Test
    void anAdministratorExportsACitizensDataThenErasesItAndTheAuditTrailShowsErased() throws Exception {
        runJourney("dataprotection.mjs");
    }

    private static void runJourney(String script) throws Exception {
        Path output = dataDir.resolve(script + ".log");
        Process journey = new ProcessBuilder(List.of("node", "e2e/" + script, app.baseUrl()))
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = journey.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            journey.destroyForcibly();
        }
        String printed = Files.readString(output);
        System.out.println(printed);
        assertThat(finished).as("%s finished within 5 minutes", script).isTrue();
        assertThat(journey.exitValue()).as("%s exit code; its output:%n%s", script, printed).isZero();
    }
}
