package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * Fires jqwik-generated malformed requests at every public endpoint of the running app.
 * jqwik is its own JUnit Platform engine and knows nothing of Spring's test context, so this
 * test starts the properties through the platform launcher once the app is up. The shared
 * context's generous rate limits keep a 429 from hiding what the endpoint itself would answer.
 */
class MalformedRequestTest extends IntegrationTest {

    /** Every table a public request could write, bar tracking_attempts: counting a wrong code is its job. */
    private static final List<String> TABLES = List.of(
            "domain_event_entry",
            "report_idempotency",
            "case_view",
            "case_tracking",
            "case_timeline",
            "case_contact",
            "contact_detail",
            "contact_channel_detail",
            "queue_item",
            "chat_session",
            "contact_party",
            "case_history",
            "case_delivery");

    @Test
    void noMalformedRequestGetsA5xxOrChangesAnything() {
        StaffSession citizen = new StaffSession(port);
        citizen.get("/api/v1/staff/me");
        JsonNode receipt = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        JsonNode chat =
                StaffSession.json(citizen.post("/api/v1/chats", Map.of("topic", "Noise", "anyoneInDanger", false)));
        MalformedRequestProperties.target = new MalformedRequestProperties.Target(
                citizen,
                new MalformedRequests.Known(
                        receipt.path("reference").asText(),
                        receipt.path("trackingCode").asText(),
                        chat.path("contactId").asText(),
                        chat.path("chatToken").asText()),
                this::state);
        awaitQuiet();

        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(MalformedRequestProperties.class))
                                .configurationParameter("jqwik.database", "target/jqwik-database")
                                .build(),
                        listener);

        // Leave no chat waiting in the shared queue for later tests.
        citizen.send(HttpRequest.newBuilder(
                        citizen.uri("/api/v1/chats/" + chat.path("contactId").asText() + "/end"))
                .header("X-Chat-Token", chat.path("chatToken").asText())
                .header("X-XSRF-TOKEN", citizen.csrfToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        TestExecutionSummary summary = listener.getSummary();
        StringBuilder failures = new StringBuilder();
        summary.getFailures().forEach(f -> failures.append(f.getException()).append(System.lineSeparator()));
        assertThat(summary.getTestsSucceededCount()).as(failures.toString()).isEqualTo(1);
        assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
    }

    private Map<String, Long> state() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> present = jdbc.sql(
                        "select table_name from information_schema.tables where table_schema = current_schema()")
                .query(String.class)
                .list();
        for (String table : TABLES.stream().filter(present::contains).toList()) {
            // Events that come on their own time (an earlier test's chat ending unattended) are not the request's.
            String rows = table.equals("domain_event_entry")
                    ? "select count(*) from domain_event_entry where" + NOT_ON_THEIR_OWN_TIME
                    : "select count(*) from " + table;
            counts.put(table, jdbc.sql(rows).query(Long.class).single());
        }
        return counts;
    }

    /** Earlier tests' projections and deliveries settle first, so any change seen is the request's. */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Long> last = state();
        while (System.nanoTime() < deadline) {
            sleep();
            Map<String, Long> now = state();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
