package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/**
 * Two live nodes share the projection work and every erasure; when one dies, the other takes
 * over its work without losing or doubling a row. The other node keeps keys cached for the
 * production 30 s, as a node that has just read the person's data would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoLiveNodesTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** The claim timeout, a claim round, and a heartbeat or two (application.yml). */
    static final Duration TAKEOVER = Duration.ofSeconds(10 + 2 + 3);

    @Autowired
    private ClusterNodes thisNode;

    private ConfigurableApplicationContext otherNode;
    private String otherNodeId;
    private int otherPort;

    @BeforeAll
    void startTheOtherNode() {
        otherNode = startAnotherNode(Map.of());
        otherPort = portOf(otherNode);
        otherNodeId = otherNode.getBean(ClusterNodes.class).nodeId();
    }

    @AfterAll
    void stopTheOtherNode() {
        if (otherNode.isActive()) {
            otherNode.close();
        }
    }

    @Test
    @Order(1)
    void liveNodesSplitEveryProcessorsSegmentsAndProjectEachReportOnce() {
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> tokens = tokens();
            assertThat(tokens)
                    .allSatisfy(t -> assertThat(t.get("owner")).as(t.toString()).isIn(thisNode.nodeId(), otherNodeId));
            Map<Object, Long> perNode =
                    tokens.stream().collect(Collectors.groupingBy(t -> t.get("owner"), Collectors.counting()));
            assertThat(perNode).as(tokens.toString()).hasSize(2);
            assertThat(Math.abs(perNode.get(thisNode.nodeId()) - perNode.get(otherNodeId)))
                    .as(perNode.toString())
                    .isLessThanOrEqualTo(1);
            tokens.stream()
                    .collect(Collectors.groupingBy(t -> t.get("processor_name")))
                    .forEach((processor, segments) -> {
                        if (segments.size() > 1) {
                            assertThat(segments.stream()
                                            .map(t -> t.get("owner"))
                                            .distinct())
                                    .as(processor.toString())
                                    .hasSize(2);
                        }
                    });
        });
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            references.add(new Api(i % 2 == 0 ? port : otherPort)
                    .report(Api.validReport())
                    .text("reference"));
        }
        await().atMost(WAIT).until(() -> trackedRows(references) == references.size());
        assertThat(timelineRows(references)).as("one 'Report received' each").isEqualTo(references.size());
    }

    /**
     * The other node has just decrypted the person's data. Once the erasure answers, it decrypts
     * nothing of theirs, and a note it writes about them stores "[erased]", never the text.
     */
    @Test
    @Order(2)
    void anErasureAnsweredOnOneNodeHoldsOnTheOtherAtOnce() {
        String name = "Ottoline Quarrender" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode report = Api.validReport();
        report.put("name", name);
        String reference = new Api(port).report(report).text("reference");
        StaffSession auditorThere = StaffSession.signedIn(otherPort, "auditor", "blue-lamp-auditor");
        assertThat(history(auditorThere, reference).body())
                .as("the other node reads, and caches, the key")
                .contains(name);

        HttpResponse<String> erased = StaffSession.signedIn(port, "admin", "blue-lamp-admin")
                .post(
                        "/api/v1/admin/erasures",
                        Map.of("reference", reference, "legalBasis", "UK_GDPR_ARTICLE_17", "reason", "ERA-NODES-2"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);

        assertThat(history(auditorThere, reference).body()).contains("[erased]").doesNotContain(name);
        String note = "Rang " + name + " back about the bike";
        StaffSession handlerThere = StaffSession.signedIn(otherPort, "handler", "blue-lamp-handler");
        assertThat(handlerThere
                        .post("/api/v1/staff/cases/" + reference + "/notes", Map.of("text", note))
                        .statusCode())
                .isEqualTo(204);
        awaitScrubbed(
                StaffSession.signedIn(port, "admin", "blue-lamp-admin"),
                StaffSession.json(erased).path("rebuilds"));
        await().atMost(WAIT)
                .until(() -> jdbc.sql(
                                        "select count(*) from case_history where reference = :r and type = 'InternalNoteAdded'")
                                .param("r", reference)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql(
                                "select count(*) from domain_event_entry where position(:name in convert_from(payload, 'UTF8')) > 0")
                        .param("name", name)
                        .query(Long.class)
                        .single())
                .as("no event holds the name in plain text")
                .isZero();
        assertThat(jdbc.sql("select row_to_json(h)::text from case_history h where reference = :r")
                        .param("r", reference)
                        .query(String.class)
                        .list())
                .as("nor the case history")
                .noneMatch(row -> row.contains(name));
        assertThat(handlerThere.get("/api/v1/staff/cases/" + reference).body()).doesNotContain(name);
    }

    /**
     * The other node dies without a word (its connections cut, then its context closed): its
     * claims and heartbeat stay behind until they are old. A citizen who reports and tracks at
     * once meanwhile still finds their case, and the survivor holds every segment within the
     * takeover time, with every acknowledged report projected once.
     */
    @Test
    @Order(3)
    void whenTheOtherNodeDiesTheSurvivorTakesAllItsWorkAndCitizensStillTrackTheirCases() {
        ((HikariDataSource) otherNode.getBean(DataSource.class)).close();
        long died = System.nanoTime();
        otherNode.close();

        List<String> references = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Response reported = new Api(port).report(Api.validReport());
            assertThat(reported.status()).isEqualTo(201);
            Api.Response tracked = new Api(port).track(reported.text("reference"), reported.text("trackingCode"));
            assertThat(tracked.status())
                    .as("tracked at once: " + tracked.body())
                    .isEqualTo(200);
            assertThat(tracked.body().path("timeline").findValuesAsText("title"))
                    .contains("Report received");
            references.add(reported.text("reference"));
        }

        await().atMost(TAKEOVER.plusSeconds(10))
                .untilAsserted(() -> assertThat(tokens())
                        .allSatisfy(
                                t -> assertThat(t.get("owner")).as(t.toString()).isEqualTo(thisNode.nodeId())));
        Duration takeover = Duration.ofNanos(System.nanoTime() - died);
        System.out.println("Takeover after the other node died: " + takeover.toMillis() + " ms");
        assertThat(takeover).isLessThanOrEqualTo(TAKEOVER);
        await().atMost(WAIT).until(() -> trackedRows(references) == references.size());
        assertThat(timelineRows(references)).isEqualTo(references.size());
    }

    private List<Map<String, Object>> tokens() {
        return jdbc.sql("select processor_name, segment, owner from token_entry " + "order by processor_name, segment")
                .query()
                .listOfRows();
    }

    private long trackedRows(List<String> references) {
        return jdbc.sql("select count(*) from case_tracking where reference in (:refs)")
                .param("refs", references)
                .query(Long.class)
                .single();
    }

    private long timelineRows(List<String> references) {
        return jdbc.sql("select count(*) from case_timeline where reference in (:refs) and title = 'Report received'")
                .param("refs", references)
                .query(Long.class)
                .single();
    }

    private static HttpResponse<String> history(StaffSession auditor, String reference) {
        return auditor.send(HttpRequest.newBuilder(auditor.uri("/api/v1/audit/cases/" + reference + "/history"))
                .header("X-Access-Reason", "Checking erasure ERA-NODES-2")
                .GET()
                .build());
    }

    private void awaitScrubbed(StaffSession admin, JsonNode rebuilds) {
        rebuilds.forEach(run -> await().atMost(Duration.ofSeconds(90))
                .until(() -> Set.of("COMPLETED", "FAILED")
                        .contains(StaffSession.json(admin.get("/api/v1/audit/replays/" + run.asText()))
                                .path("state")
                                .asText())));
    }
}
