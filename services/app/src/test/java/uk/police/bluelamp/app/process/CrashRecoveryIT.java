package uk.police.bluelamp.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;

/**
 * A 201 means committed: reports acknowledged up to the instant the process is SIGKILLed are
 * all there after a restart on the same data directory, and the restart recovers over the
 * PostgreSQL the killed process left running instead of hanging on it.
 */
class CrashRecoveryIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dataDir = AppProcess.testDir("crash-data");
    private AppProcess app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        AppProcess.postmasterOf(dataDir).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void everyAcknowledgedReportSurvivesSigkillAndTheRestartRecovers() throws Exception {
        app = AppProcess.start(dataDir, dataDir.resolve("app-before-crash.log")).awaitReady(START_TIMEOUT);
        Api before = new Api(app.port());

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService reporters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            reporters.submit(() -> {
                for (int sent = 0; sent < 500 && !stop.get(); sent++) {
                    try {
                        Api.Response response = before.report(Api.validReport());
                        if (response.status() == 201) {
                            acknowledged.put(response.text("reference"), response.text("trackingCode"));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);

        app.kill(); // while reports are still arriving
        stop.set(true);
        reporters.shutdown();
        assertThat(reporters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(AppProcess.postmasterOf(dataDir))
                .as("the killed app's PostgreSQL is still running, holding the data directory")
                .isPresent();

        app = AppProcess.start(dataDir, dataDir.resolve("app-after-crash.log")).awaitReady(START_TIMEOUT);
        Api api = new Api(app.port());

        // The tracking view catches up from the event store after the restart; give it a minute.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(missingFrom(api, acknowledged))
                        .as("acknowledged reports missing after the crash (of %d)", acknowledged.size())
                        .isEmpty());
        System.out.printf(
                "%d reports acknowledged before SIGKILL; none missing after the restart%n", acknowledged.size());
        Api.Response afterRestart = api.report(Api.validReport());
        assertThat(afterRestart.status()).isEqualTo(201);
        assertThat(acknowledged).doesNotContainKey(afterRestart.text("reference"));
    }

    private static List<String> missingFrom(Api api, Map<String, String> acknowledged) {
        return acknowledged.entrySet().stream()
                .filter(report -> api.track(report.getKey(), report.getValue()).status() != 200)
                .map(Map.Entry::getKey)
                .toList();
    }
}
