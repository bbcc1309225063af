package uk.police.bluelamp.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The citizen's and the handler's journey in real Chromium against the packaged app, by
 * keyboard alone, with axe-core on every page (frontend/e2e/journey.mjs).
 */
class BrowserJourneyIT {

    @Test
    void aCitizenReportsAndTracksAndAHandlerFindsTheReport() throws Exception {
        assertThat(Paths.get("/usr/bin/chromium")).as("Chromium is installed by .ci/ensure-test-tools").exists();
        Path frontend = Paths.get(System.getProperty("bluelamp.frontend-dir", "../../frontend"));
        Path dataDir = AppProcess.testDir("journey-data");
        Path output = dataDir.resolve("journey.log");
        try (AppProcess app = AppProcess.start(dataDir, dataDir.resolve("app.log"))
                .awaitReady(Duration.ofSeconds(180))) {
            Process journey = new ProcessBuilder(List.of("node", "e2e/journey.mjs", app.baseUrl()))
                    .directory(frontend.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = journey.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                journey.destroyForcibly();
            }
            String printed = Files.readString(output);
            System.out.println(printed);
            assertThat(finished).as("journey finished within 5 minutes").isTrue();
            assertThat(journey.exitValue()).as("journey exit code; its output:%n%s", printed).isZero();
        }
    }
}
