package uk.police.bluelamp.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.FakeVictimSupport;
import uk.police.bluelamp.app.servers.Clamd;

/**
 * The journeys in real Chromium against the packaged app, by keyboard alone, with axe-core on
 * every page (frontend/e2e/*.mjs). Each subclass starts its own app, so the classes run
 * side by side in failsafe's forks rather than one after another.
 */
abstract class BrowserJourneys {

    private static final Path FRONTEND = Paths.get(System.getProperty("bluelamp.frontend-dir", "../../frontend"));
    private static Path dataDir;
    private static AppProcess app;

    /** Settings of this class's app beyond the journeys' own, as command-line arguments. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface AppSettings {
        String[] value();
    }

    @BeforeAll
    static void startApp(TestInfo test) {
        List<String> settings = new ArrayList<>(List.of(
                "--bluelamp.notify.api-key=" + FakeNotify.API_KEY,
                "--bluelamp.notify.base-url=" + FakeNotify.get().baseUrl(),
                "--bluelamp.notify.email-template-id=" + FakeNotify.EMAIL_TEMPLATE,
                "--bluelamp.notify.sms-template-id=" + FakeNotify.SMS_TEMPLATE,
                "--bluelamp.notify.code-email-template-id=" + FakeNotify.CODE_EMAIL_TEMPLATE,
                "--bluelamp.notify.code-sms-template-id=" + FakeNotify.CODE_SMS_TEMPLATE,
                "--bluelamp.notify.transcript-email-template-id=" + FakeNotify.TRANSCRIPT_EMAIL_TEMPLATE,
                "--bluelamp.citizen-routes.victim-support.endpoint="
                        + FakeVictimSupport.get().baseUrl() + "/referrals",
                // Slow enough that the auditor's replay progress bar is seen moving.
                "--bluelamp.audit.replay.events-per-second=15",
                // Uploads are scanned by a real clamd (the EICAR signature alone), as a force's would be.
                "--bluelamp.evidence.clamd.host=127.0.0.1",
                "--bluelamp.evidence.clamd.port=" + Clamd.get().port()));
        test.getTestClass()
                .map(type -> type.getAnnotation(AppSettings.class))
                .ifPresent(extra -> settings.addAll(List.of(extra.value())));
        assertThat(Paths.get("/usr/bin/chromium"))
                .as("Chromium is installed by .ci/ensure-test-tools")
                .exists();
        dataDir = AppProcess.testDir("journey-data");
        app = AppProcess.start(dataDir, dataDir.resolve("app.log"), settings).awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    static void runJourney(String script) throws Exception {
        Path output = dataDir.resolve(script + ".log");
        ProcessBuilder run = new ProcessBuilder(List.of("node", "e2e/" + script, app.baseUrl()));
        // A full-page picture of every page costs the build minutes of CPU and nobody looks.
        run.environment().put("E2E_SCREENSHOTS", "failures");
        run.environment().put("VICTIM_SUPPORT_FAKE", FakeVictimSupport.get().baseUrl());
        Process journey = run.directory(FRONTEND.toFile())
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
        assertThat(journey.exitValue())
                .as("%s exit code; its output:%n%s", script, printed)
                .isZero();
    }
}
