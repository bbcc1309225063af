package uk.police.bluelamp.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/**
 * What an operator's Prometheus sees, scraping the metrics port as it would: how far each
 * processor is behind and who holds its segments, the queues, dead letters, refusals, Notify
 * failures and open sockets, with values that follow what the app just did, and no person's
 * data among them. The public port gives the scrape to admins only.
 */
class OperatorsMetricsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private MetricsPort metricsPort;

    @Autowired
    private ClusterNodes nodes;

    @Test
    void prometheusSeesProcessorsQueuesDeadLettersRefusalsNotifyFailuresAndSockets() throws Exception {
        Scrape before = Scrape.of(metricsPort.localPort());
        double refusedBefore = refusals(before);
        double smsFailuresBefore = before.value("bluelamp_notify_failures_total", "channel", "SMS");

        ObjectNode report = Api.validReport();
        report.put("name", "Rowan Metricsperson");
        report.put("updateChannel", "SMS");
        report.put("phone", "07700 900733");
        Api.Response created = api().report(report);
        assertThat(created.status()).isEqualTo(201);
        String reference = created.text("reference");
        StaffSession anyone = new StaffSession(port);
        assertThat(anyone.send(HttpRequest.newBuilder(anyone.uri("/"))
                                .method("PROPFIND", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(405);
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        FakeNotify.get().failNext(1);
        assertThat(handler.post("/api/v1/staff/cases/" + reference + "/updates", Map.of("text", "An update"))
                        .statusCode())
                .isEqualTo(204);
        WebSocketSession socket = new StandardWebSocketClient()
                .execute(
                        new TextWebSocketHandler(),
                        new WebSocketHttpHeaders(),
                        URI.create("ws://localhost:" + port + "/ws"))
                .get(10, TimeUnit.SECONDS);
        long head = jdbc.sql("select max(global_index) from domain_event_entry")
                .query(Long.class)
                .single();
        List<Map<String, Object>> segments = jdbc.sql("select processor_name, segment from token_entry")
                .query()
                .listOfRows();
        try {
            await().atMost(WAIT).untilAsserted(() -> {
                Scrape scrape = Scrape.of(metricsPort.localPort());
                assertThat(scrape.value("bluelamp_events_head")).isGreaterThanOrEqualTo(head);
                for (Map<String, Object> segment : segments) {
                    String processor = (String) segment.get("processor_name");
                    String id = segment.get("segment").toString();
                    assertThat(scrape.value("bluelamp_processor_lag", "processor", processor, "segment", id))
                            .as("lag of %s segment %s once it has caught up", processor, id)
                            .isZero();
                    assertThat(scrape.value("bluelamp_processor_segment_owner", "processor", processor, "segment", id))
                            .isEqualTo(1);
                    assertThat(scrape.named("bluelamp_processor_segment_owner").stream()
                                    .filter(s -> s.labels().get("processor").equals(processor)
                                            && s.labels().get("segment").equals(id))
                                    .map(s -> s.labels().get("owner")))
                            .as("held by this node")
                            .containsExactly(nodes.nodeId());
                }
                assertThat(scrape.value("bluelamp_queue_waiting", "channel", "WEB"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(scrape.value("bluelamp_queue_oldest_wait_seconds", "channel", "WEB"))
                        .isPositive();
                assertThat(scrape.value("bluelamp_dead_letters", "read_model", "case-tracking"))
                        .isZero();
                assertThat(refusals(scrape)).isGreaterThan(refusedBefore);
                assertThat(scrape.value(
                                "bluelamp_refusals_total",
                                "kind",
                                "HTTP requests",
                                "reason",
                                "with a method we do not take"))
                        .isPositive();
                assertThat(scrape.value("bluelamp_notify_failures_total", "channel", "SMS"))
                        .isEqualTo(smsFailuresBefore + 1);
                assertThat(scrape.value("bluelamp_websocket_sessions")).isGreaterThanOrEqualTo(1);
                assertThat(scrape.text())
                        .as("no person's data in any metric")
                        .doesNotContain(reference)
                        .doesNotContain("Metricsperson")
                        .doesNotContain("900733")
                        .doesNotContain("07700");
            });
        } finally {
            socket.close();
        }
    }

    @Test
    void thePublicPortGivesTheScrapeToAdminsOnlyAndTheMetricsPortServesNothingElse() {
        assertThat(new StaffSession(port).get(MetricsPort.SCRAPE_PATH).statusCode())
                .as("anonymous")
                .isEqualTo(401);
        assertThat(StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor")
                        .get(MetricsPort.SCRAPE_PATH)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> admin =
                StaffSession.signedIn(port, "admin", "blue-lamp-admin").get(MetricsPort.SCRAPE_PATH);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("bluelamp_processor_lag");

        String metrics = "http://localhost:" + metricsPort.localPort();
        assertThat(Scrape.get(URI.create(metrics + MetricsPort.SCRAPE_PATH)).statusCode())
                .isEqualTo(200);
        for (String elsewhere : List.of(
                "/",
                "/actuator/health",
                "/actuator/metrics",
                "/actuator/prometheus/",
                "/api/v1/staff/me",
                "/staff",
                "/actuator/prometheus;x=1")) {
            assertThat(Scrape.get(URI.create(metrics + elsewhere)).statusCode())
                    .as(elsewhere)
                    .isEqualTo(404);
        }
        StaffSession onMetricsPort = new StaffSession(metricsPort.localPort());
        assertThat(onMetricsPort
                        .sendWithoutCsrfToken(HttpRequest.newBuilder(onMetricsPort.uri(MetricsPort.SCRAPE_PATH))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(404);
    }

    private static double refusals(Scrape scrape) {
        return scrape.named("bluelamp_refusals_total").stream()
                .mapToDouble(Scrape.Sample::value)
                .sum();
    }
}
