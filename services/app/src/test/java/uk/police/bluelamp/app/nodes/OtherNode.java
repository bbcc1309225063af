package uk.police.bluelamp.app.nodes;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.bluelamp.app.BlueLampApplication;
import uk.police.bluelamp.app.FakeNotify;

/** A second node of the app in this JVM, on the same database as the test's own node, with its own memory. */
final class OtherNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private OtherNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Started with the production settings from application.yml, apart from these. */
    static OtherNode on(DataSource database, Map<String, Object> settings) throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "other-node-");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "spring.datasource.url", ((HikariDataSource) database).getJdbcUrl(),
                "spring.datasource.username", "postgres",
                "bluelamp.data-dir", dataDir.toString(),
                "bluelamp.notify.api-key", FakeNotify.API_KEY,
                "bluelamp.notify.base-url", FakeNotify.get().baseUrl(),
                "bluelamp.notify.email-template-id", FakeNotify.EMAIL_TEMPLATE,
                "bluelamp.notify.sms-template-id", FakeNotify.SMS_TEMPLATE));
        properties.putAll(settings);
        // As arguments: default properties would lose to application.yml (server.port would be 8080).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new OtherNode(new SpringApplicationBuilder(BlueLampApplication.class).run(arguments));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
