package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * Liveness as a test: jqwik-generated hostile input (NUL and other controls, lone surrogates,
 * marker-shaped text, direction overrides, 10k-character strings, wrong types) in every field,
 * header, parameter and path segment of every public endpoint, and in chat messages over STOMP.
 * None gets a 5xx, a refusal stores nothing, and afterwards an ordinary report still reaches
 * every read model within seconds: no input, however strange, stops the system.
 */
class HostileInputTest extends IntegrationTest {

    private static final Duration READ_MODELS_WITHIN = Duration.ofSeconds(15);

    @Test
    void noHostileInputGetsA5xxStoresWhatWasRefusedOrStopsTheReadModels() {
        StaffSession citizen = new StaffSession(port);
        citizen.get("/api/v1/staff/me");
        JsonNode receipt = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        JsonNode decoy = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        JsonNode chat =
                StaffSession.json(citizen.post("/api/v1/chats", Map.of("topic", "Noise", "anyoneInDanger", false)));
        HostileInputProperties.target = new HostileInputProperties.Target(
                port,
                citizen,
                new HostileInputs.Known(
                        receipt.path("reference").asText(),
                        receipt.path("trackingCode").asText(),
                        decoy.path("reference").asText(),
                        chat.path("contactId").asText(),
                        chat.path("chatToken").asText(),
                        "demo-cti-token"),
                this::stored);

        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(HostileInputProperties.class))
                                .configurationParameter("jqwik.database", "target/jqwik-database")
                                .build(),
                        listener);

        citizen.send(HttpRequest.newBuilder(
                        citizen.uri("/api/v1/chats/" + chat.path("contactId").asText() + "/end"))
                .header("X-Chat-Token", chat.path("chatToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        TestExecutionSummary summary = listener.getSummary();
        StringBuilder failures = new StringBuilder();
        summary.getFailures().forEach(f -> failures.append(f.getException()).append(System.lineSeparator()));
        assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
        assertThat(summary.getTestsSucceededCount()).as(failures.toString()).isEqualTo(4);

        anOrdinaryReportStillReachesEveryReadModel(citizen);
    }

    private void anOrdinaryReportStillReachesEveryReadModel(StaffSession citizen) {
        JsonNode receipt = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        String reference = receipt.path("reference").asText();
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String contactId = await("the web queue")
                .atMost(READ_MODELS_WITHIN)
                .until(
                        () -> {
                            for (JsonNode entry : StaffSession.json(handler.get("/api/v1/staff/queues/web"))) {
                                if (entry.path("reference").asText().equals(reference)) {
                                    return entry.path("contactId").asText();
                                }
                            }
                            return null;
                        },
                        id -> id != null);
        await("the contact's detail")
                .atMost(READ_MODELS_WITHIN)
                .until(() -> handler.get("/api/v1/staff/contacts/" + contactId).statusCode(), status -> status == 200);
        await("the case search")
                .atMost(READ_MODELS_WITHIN)
                .until(
                        () -> StaffSession.json(handler.get("/api/v1/staff/cases?q=" + reference))
                                .size(),
                        n -> n == 1);
        await("the case view")
                .atMost(READ_MODELS_WITHIN)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode(), status -> status == 200);
        HttpResponse<String> tracked = await("the citizen's tracking page")
                .atMost(READ_MODELS_WITHIN)
                .until(
                        () -> citizen.send(
                                HttpRequest.newBuilder(citizen.uri("/api/v1/cases/" + reference + "/tracking"))
                                        .header(
                                                "X-Tracking-Code",
                                                receipt.path("trackingCode").asText())
                                        .GET()
                                        .build()),
                        response -> response.statusCode() == 200);
        assertThat(StaffSession.json(tracked).path("reference").asText()).isEqualTo(reference);
    }

    /**
     * What requests store at once: events (deliveries and overdue deadlines come on their own
     * time, and are left out) and idempotency keys. Events are counted from the last one seen,
     * so each check costs an index range, not a scan of the whole log.
     */
    private record Stored(long lastEvent, long keys, JdbcClient jdbc) implements HostileInputProperties.Stored {

        @Override
        public long since(HostileInputProperties.Stored before) {
            Stored earlier = (Stored) before;
            return jdbc.sql("select count(*) from domain_event_entry where global_index > :last and"
                                    + NOT_ON_THEIR_OWN_TIME)
                            .param("last", earlier.lastEvent())
                            .query(Long.class)
                            .single()
                    + keys
                    - earlier.keys();
        }
    }

    private Stored stored() {
        return new Stored(
                jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from report_idempotency")
                        .query(Long.class)
                        .single(),
                jdbc);
    }
}
