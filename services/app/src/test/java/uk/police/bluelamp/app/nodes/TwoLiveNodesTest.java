package uk.police.bluelamp.app.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.ProcessorTokens;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
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

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private MeterRegistry meters;

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
     * An outage behind both nodes: the contact-centre figures' processor stopped on each, its
     * rows for a stretch of old events gone and its tokens put back before them, each segment
     * left to one node. Started again, each node catches up its own segment through the catch-up
     * source, in runs sharing a token (docs/adr/0052), and every span comes back exactly once.
     */
    @Test
    @Order(2)
    void afterAnOutageEachNodeCatchesUpItsOwnSegmentAndEveryRowComesBackOnce() {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        List<String> handlers = new ArrayList<>();
        List<EventMessage<?>> changes = new ArrayList<>();
        for (int h = 0; h < 40; h++) {
            String handler = "h-outage-" + UUID.randomUUID();
            handlers.add(handler);
            for (int seq = 0; seq < 6; seq++) {
                Instant at = longAgo.plusSeconds(h * 60L + seq);
                boolean on = seq % 2 == 0;
                changes.add(new GenericDomainEventMessage<>(
                        "Handler",
                        handler,
                        seq,
                        new HandlerAvailabilityChanged(
                                handler,
                                on ? Availability.AVAILABLE : Availability.OFFLINE,
                                on ? Availability.OFFLINE : Availability.AVAILABLE,
                                at),
                        MetaData.emptyInstance(),
                        UUID.randomUUID().toString(),
                        at));
            }
        }
        transactions.executeWithoutResult(tx -> eventStore.publish(changes));
        await().atMost(WAIT).until(() -> spans(handlers).size() == changes.size());
        List<Map<String, Object>> before = spans(handlers);

        StreamingEventProcessor here = resourcing(processing);
        StreamingEventProcessor there = resourcing(otherNode.getBean(EventProcessingConfiguration.class));
        here.shutDown();
        there.shutDown();
        jdbc.sql("delete from handler_span where handler in (:handlers)")
                .param("handlers", handlers)
                .update();
        long first = jdbc.sql("select min(global_index) from domain_event_entry where aggregate_identifier in (:h)")
                .param("h", handlers)
                .query(Long.class)
                .single();
        jdbc.sql("update token_entry set token = convert_to('{\"index\":' || :index || ',\"gaps\":[]}', 'UTF8'),"
                        + " owner = case segment when 0 then :here else :there end"
                        + " where processor_name = 'resourcing'")
                .param("index", first - 1)
                .param("here", thisNode.nodeId())
                .param("there", otherNodeId)
                .update();
        double readHere = readInFull(meters);
        double readThere = readInFull(otherNode.getBean(MeterRegistry.class));
        here.start();
        there.start();

        long head = jdbc.sql("select max(global_index) from domain_event_entry")
                .query(Long.class)
                .single();
        await().atMost(WAIT)
                .until(() -> spans(handlers).size() == before.size()
                        && ProcessorTokens.lowestIndex(jdbc, "resourcing") >= head);
        assertThat(spans(handlers)).isEqualTo(before);
        assertThat(readInFull(meters))
                .as("this node caught up its segment from the log")
                .isGreaterThan(readHere);
        assertThat(readInFull(otherNode.getBean(MeterRegistry.class)))
                .as("and the other node its own")
                .isGreaterThan(readThere);
        assertThat(tokens().stream()
                        .filter(t -> t.get("processor_name").equals("resourcing"))
                        .map(t -> t.get("owner"))
                        .distinct())
                .as("each node kept its segment")
                .hasSize(2);
    }

    private List<Map<String, Object>> spans(List<String> handlers) {
        return jdbc.sql("select handler, status, from_at, to_at from handler_span where handler in (:handlers)"
                        + " order by handler, from_at")
                .param("handlers", handlers)
                .query()
                .listOfRows();
    }

    private static StreamingEventProcessor resourcing(EventProcessingConfiguration processing) {
        return processing
                .eventProcessor("resourcing", StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static double readInFull(MeterRegistry meters) {
        Counter read =
                meters.find("bluelamp.catch_up.events").tag("read", "in-full").counter();
        return read == null ? 0 : read.count();
    }

    /**
     * The other node has just decrypted the person's data. Once the erasure answers, it decrypts
     * nothing of theirs, and a note it writes about them stores "[erased]", never the text.
     */
    @Test
    @Order(3)
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
    @Order(4)
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
