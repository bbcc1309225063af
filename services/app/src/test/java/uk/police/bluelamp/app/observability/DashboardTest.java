package uk.police.bluelamp.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * The Grafana dashboard and the Prometheus configuration shipped beside the compose file cannot
 * drift from the app: every metric a panel queries is one the app exports, and Prometheus
 * scrapes the port the image serves them on.
 */
class DashboardTest extends IntegrationTest {

    private static final Path OBSERVABILITY = Path.of("../../deploy/observability");
    /** PromQL's own words: functions, aggregations and their modifiers. */
    private static final Set<String> PROMQL = Set.of(
            "sum",
            "max",
            "min",
            "avg",
            "count",
            "rate",
            "increase",
            "irate",
            "by",
            "without",
            "topk",
            "bottomk",
            "clamp_min",
            "clamp_max",
            "abs",
            "time",
            "histogram_quantile",
            "and",
            "or",
            "unless",
            "on",
            "ignoring",
            "offset",
            "bool",
            "delta",
            "deriv",
            "label_replace",
            "vector",
            "scalar");

    @Autowired
    private MetricsPort metricsPort;

    @Test
    void everyMetricTheDashboardQueriesIsOneTheAppExports() throws Exception {
        JsonNode dashboard = new ObjectMapper()
                .readTree(OBSERVABILITY
                        .resolve("grafana/blue-lamp-dashboard.json")
                        .toFile());
        Set<String> queried = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> queried.addAll(metricsIn(expr.asText())));
        assertThat(queried)
                .as("the dashboard's panels")
                .contains(
                        "bluelamp_processor_lag",
                        "bluelamp_processor_segment_owner",
                        "bluelamp_dead_letters",
                        "bluelamp_queue_waiting",
                        "bluelamp_queue_oldest_wait_seconds",
                        "bluelamp_notify_failures_total",
                        "bluelamp_websocket_sessions",
                        "bluelamp_refusals_total");

        // Some traffic first: HTTP and refusal meters appear with their first request.
        assertThat(api().report(Api.validReport()).status()).isEqualTo(201);
        StaffSession anyone = new StaffSession(port);
        anyone.send(HttpRequest.newBuilder(anyone.uri("/"))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody())
                .build());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(Scrape.of(metricsPort.localPort()).names()).containsAll(queried));
    }

    @Test
    void prometheusScrapesBothNodesOnThePortTheImageServesMetricsOn() throws Exception {
        String prometheus = Files.readString(OBSERVABILITY.resolve("prometheus.yml"));
        String dockerfile = Files.readString(Path.of("../../Dockerfile"));
        Matcher port = Pattern.compile("ENV BLUELAMP_METRICS_PORT=(\\d+)").matcher(dockerfile);
        assertThat(port.find()).as("the image sets the metrics port").isTrue();
        assertThat(prometheus)
                .contains("metrics_path: /actuator/prometheus")
                .contains("app-1:" + port.group(1))
                .contains("app-2:" + port.group(1));
    }

    /** The names in a query that are neither PromQL's words, label names nor strings. */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher word = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (word.find()) {
            if (!PROMQL.contains(word.group())) {
                names.add(word.group());
            }
        }
        return names;
    }
}
