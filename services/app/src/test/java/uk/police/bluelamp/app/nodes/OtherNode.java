package uk.police.bluelamp.app.nodes;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.bluelamp.app.IntegrationTest;

/** A second node of the app in this JVM, on the same database as the test's own node, with its own memory. */
final class OtherNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private OtherNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Started with the production settings from application.yml, apart from these. */
    static OtherNode on(DataSource database, Map<String, Object> settings) {
        return new OtherNode(IntegrationTest.startNode(database, settings));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
