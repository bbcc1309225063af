package uk.police.bluelamp.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real embedded PostgreSQL, reached over real HTTP. All subclasses
 * share one Spring context and so one database, fresh for each test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    private static final Path DATA_DIR = freshDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("bluelamp.data-dir", DATA_DIR::toString);
        registry.add("bluelamp.notify.api-key", () -> FakeNotify.API_KEY);
        registry.add("bluelamp.notify.base-url", () -> FakeNotify.get().baseUrl());
        registry.add("bluelamp.notify.email-template-id", () -> FakeNotify.EMAIL_TEMPLATE);
        registry.add("bluelamp.notify.sms-template-id", () -> FakeNotify.SMS_TEMPLATE);
        registry.add("bluelamp.notify.first-retry", () -> "PT1S");
        registry.add("bluelamp.notify.retry-interval", () -> "1s");
        // Prometheus's own port, on any free one (MetricsPort.localPort()); the gauges read from the
        // database are read every second rather than five.
        registry.add("bluelamp.metrics.port", () -> "0");
        registry.add("bluelamp.metrics.database-refresh", () -> "1s");
        // Spring Boot's tests turn metrics exporters off unless asked; Prometheus's is part of the app.
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
        // Many tests report, chat and track from this one address: the shared context allows
        // them volume. RateLimitTest checks the production limits in a context of its own.
        for (String group : new String[] {"report", "chat-start", "chat", "callback", "tracking", "cti"}) {
            registry.add("bluelamp.rate-limits." + group + ".per-client.capacity", () -> "100000");
            registry.add("bluelamp.rate-limits." + group + ".per-client.period", () -> "PT1M");
        }
        registry.add("bluelamp.rate-limits.chat.per-reference.capacity", () -> "100000");
        registry.add("bluelamp.tracking-lockout.per-client.free-failures", () -> "100000");
        registry.add("bluelamp.rate-limits.sign-in.per-client.capacity", () -> "100000");
        registry.add("bluelamp.rate-limits.sign-in.per-username.capacity", () -> "100000");
    }

    protected Api api() {
        return new Api(port);
    }

    protected long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static Path freshDataDir() {
        try {
            Path target = Paths.get("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
