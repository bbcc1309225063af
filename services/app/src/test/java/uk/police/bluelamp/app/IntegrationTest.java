package uk.police.bluelamp.app;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.police.bluelamp.app.servers.Clamd;

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

    /**
     * Many tests report, chat and track from this one address: the shared context allows them
     * volume. RateLimitTest checks the production limits in a context of its own.
     */
    private static final Map<String, String> TEST_LIMITS = testLimits();

    private static Map<String, String> testLimits() {
        Map<String, String> limits = new HashMap<>();
        for (String group : new String[] {
            "report",
            "chat-start",
            "chat",
            "callback",
            "tracking",
            "cti",
            "figures",
            "inbound-sms",
            "inbound-email",
            "signpost",
            "evidence"
        }) {
            limits.put("bluelamp.rate-limits." + group + ".per-client.capacity", "100000");
            limits.put("bluelamp.rate-limits." + group + ".per-client.period", "PT1M");
        }
        limits.put("bluelamp.rate-limits.chat.per-reference.capacity", "100000");
        limits.put("bluelamp.tracking-lockout.per-client.free-failures", "100000");
        limits.put("bluelamp.rate-limits.sign-in.per-client.capacity", "100000");
        limits.put("bluelamp.rate-limits.sign-in.per-username.capacity", "100000");
        return limits;
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("bluelamp.data-dir", DATA_DIR::toString);
        registry.add("bluelamp.notify.api-key", () -> FakeNotify.API_KEY);
        registry.add("bluelamp.notify.base-url", () -> FakeNotify.get().baseUrl());
        registry.add("bluelamp.notify.email-template-id", () -> FakeNotify.EMAIL_TEMPLATE);
        registry.add("bluelamp.notify.sms-template-id", () -> FakeNotify.SMS_TEMPLATE);
        registry.add("bluelamp.notify.code-email-template-id", () -> FakeNotify.CODE_EMAIL_TEMPLATE);
        registry.add("bluelamp.notify.code-sms-template-id", () -> FakeNotify.CODE_SMS_TEMPLATE);
        registry.add("bluelamp.notify.transcript-email-template-id", () -> FakeNotify.TRANSCRIPT_EMAIL_TEMPLATE);
        registry.add("bluelamp.notify.cy.code-email-template-id", () -> FakeNotify.WELSH_CODE_EMAIL_TEMPLATE);
        registry.add("bluelamp.notify.first-retry", () -> "PT1S");
        registry.add("bluelamp.notify.retry-interval", () -> "1s");
        // Prometheus's own port, on any free one (MetricsPort.localPort()); the gauges read from the
        // database are read every second rather than five.
        registry.add("bluelamp.metrics.port", () -> "0");
        registry.add("bluelamp.metrics.database-refresh", () -> "1s");
        // Spring Boot's tests turn metrics exporters off unless asked; Prometheus's is part of the app.
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
        TEST_LIMITS.forEach((name, value) -> registry.add(name, () -> value));
        // A real clamd (Debian's clamav-daemon) with the EICAR signature alone.
        registry.add("bluelamp.evidence.clamd.host", () -> "127.0.0.1");
        registry.add("bluelamp.evidence.clamd.port", () -> Clamd.get().port());
    }

    @Autowired
    private DataSource dataSource;

    /**
     * A second node of the app on this test's database, with its own memory, as in production.
     * Start one per class at most (each costs a context); close it when the class is done.
     */
    protected ConfigurableApplicationContext startAnotherNode(Map<String, ?> overrides) {
        Map<String, Object> settings = new HashMap<>(TEST_LIMITS);
        settings.putAll(overrides);
        return startNode(dataSource, settings);
    }

    /** A node of the app on that database, with application.yml's settings apart from these. */
    public static ConfigurableApplicationContext startNode(DataSource database, Map<String, ?> settings) {
        try {
            Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "other-node-");
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "server.port",
                    "0",
                    "spring.datasource.url",
                    ((HikariDataSource) database).getJdbcUrl(),
                    "spring.datasource.username",
                    "postgres",
                    "bluelamp.data-dir",
                    dataDir.toString(),
                    "bluelamp.notify.api-key",
                    FakeNotify.API_KEY,
                    "bluelamp.notify.base-url",
                    FakeNotify.get().baseUrl(),
                    "bluelamp.notify.email-template-id",
                    FakeNotify.EMAIL_TEMPLATE,
                    "bluelamp.notify.sms-template-id",
                    FakeNotify.SMS_TEMPLATE));
            properties.putAll(settings);
            // As arguments: builder properties are defaults, which application.yml would override
            // (server.port would be 8080, the limits production's).
            return new SpringApplicationBuilder(BlueLampApplication.class)
                    .run(properties.entrySet().stream()
                            .map(p -> "--" + p.getKey() + "=" + p.getValue())
                            .toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static int portOf(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    protected Api api() {
        return new Api(port);
    }

    /**
     * Events that come on their own time rather than from a request: overdue deadlines, update
     * deliveries and the ends of chats an earlier test left unattended (UnattendedChats). A test
     * that checks a request stored nothing leaves these out.
     */
    public static final String NOT_ON_THEIR_OWN_TIME = " payload_type not like '%Overdue'"
            + " and payload_type not like '%UpdateDeliveryRecorded'"
            + " and payload_type not like '%ChatEnded'"
            + " and payload_type not like '%ContactAbandoned'"
            + " and payload_type not like '%ChatIdleWarned'"
            + " and payload_type not like '%ChatTranscriptSent'";

    /** The events requests have stored (not those that come on their own time). */
    protected long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry where" + NOT_ON_THEIR_OWN_TIME)
                .query(Long.class)
                .single();
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
