package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/** The telephony platform's webhook, replayed as a PBX really sends it: late, twice, out of order. */
class CtiWebhookTest extends IntegrationTest {

    private static final String TOKEN = "demo-cti-token";

    private HttpResponse<String> form(String token, String body) {
        return new StaffSession(port).postForm("/api/v1/cti/" + token, body);
    }

    private HttpResponse<String> json(Map<String, Object> body) {
        return new StaffSession(port).post("/api/v1/cti/" + TOKEN, body);
    }

    private List<String> eventTypes(String callId) {
        return jdbc
                .sql(
                        "select payload_type from domain_event_entry where aggregate_identifier = :id order by sequence_number")
                .param("id", "call-" + callId)
                .query(String.class)
                .list()
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private Map<String, Object> queueRow(String callId) {
        return jdbc
                .sql("select * from queue_item where contact_id = :id")
                .param("id", "call-" + callId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }

    @Test
    void aWrongTokenIsRefusedAndRecordsNothing() {
        String callId = UUID.randomUUID().toString();
        long before = eventCount();
        assertThat(form("not-the-token", "event=newCall&callId=" + callId + "&from=07700900001&to=101&direction=in")
                        .statusCode())
                .isEqualTo(401);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRealisticCallWithDuplicatesAndAnOvertakenAnswerEndsUpRight() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String callId = "pbx-" + UUID.randomUUID();
        String caller = "07700 900" + (100 + (int) (Math.random() * 800));
        Api.Response earlier = reportFrom(caller);

        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox screenPops = console.subscribe("/user/queue/screen-pop", null);
            Stomp.Inbox queues = console.subscribe("/topic/queues", null);
            Stomp.Inbox ownContacts = console.subscribe("/user/queue/contact-events", null);
            String call = "callId=" + callId + "&from=" + caller.replace(" ", "%20") + "&to=101&direction=in";
            assertThat(form(TOKEN, "event=newCall&" + call).statusCode()).isEqualTo(200);
            assertThat(form(TOKEN, "event=newCall&" + call).statusCode()).isEqualTo(200); // delivered twice
            queues.await(
                    item -> item.path("contactId").asText().equals("call-" + callId)
                            && item.path("state").asText().equals("WAITING"),
                    Duration.ofSeconds(10));

            assertThat(form(TOKEN, "event=answer&" + call + "&user=handler&answeringNumber=%2B441632960100")
                            .statusCode())
                    .isEqualTo(200);
            JsonNode pop = screenPops.await(p -> p.path("callId").asText().equals(callId), Duration.ofSeconds(10));
            assertThat(pop.path("withheld").asBoolean()).isFalse();
            assertThat(pop.path("previousContacts").findValuesAsText("reference"))
                    .contains(earlier.text("reference"));
            assertThat(pop.path("cases").findValuesAsText("reference")).contains(earlier.text("reference"));
            theScreenPopIsInTheAccessLog(earlier.text("reference"));

            assertThat(form(TOKEN, "event=hangup&" + call + "&cause=normalClearing")
                            .statusCode())
                    .isEqualTo(200);
            // The handler on the call is told at once that the caller has gone.
            JsonNode ended = ownContacts.await(
                    e -> e.path("contactId").asText().equals("call-" + callId), Duration.ofSeconds(10));
            assertThat(ended.path("type").asText()).isEqualTo("call-ended");
            assertThat(form(TOKEN, "event=answer&" + call + "&user=handler").statusCode())
                    .isEqualTo(200); // late duplicate
            assertThat(form(TOKEN, "event=hangup&" + call + "&cause=normalClearing")
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(eventTypes(callId)).containsExactly("CallRang", "CallAnswered", "ContactAssigned", "CallEnded");
        await().until(() -> queueRow(callId) != null && queueRow(callId).get("ended_at") != null);
        assertThat(queueRow(callId))
                .containsEntry("state", "ASSIGNED")
                .containsEntry("handler", "handler")
                .containsEntry("abandoned", false);
    }

    /** The handler saw the earlier case unasked: "who viewed this case" finds that look too. */
    private void theScreenPopIsInTheAccessLog(String reference) {
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        await().until(
                        () -> StaffSession.json(auditor.get("/api/v1/audit/access?reference=" + reference)),
                        views -> views.findParents("view").stream()
                                .anyMatch(v -> v.path("view").asText().equals("screen pop")
                                        && v.path("viewer").asText().equals("handler")
                                        && v.path("reason").isNull()));
    }

    @Test
    void aHangupBeforeAnyAnswerIsAnAbandonedCallEvenWhenItArrivesFirst() {
        String callId = "pbx-" + UUID.randomUUID();
        assertThat(json(Map.of(
                                "event",
                                "hangup",
                                "callId",
                                callId,
                                "from",
                                "07700900555",
                                "to",
                                "101",
                                "direction",
                                "in",
                                "cause",
                                "cancel"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(Map.of(
                                "event",
                                "newCall",
                                "callId",
                                callId,
                                "from",
                                "07700900555",
                                "to",
                                "101",
                                "direction",
                                "in"))
                        .statusCode())
                .isEqualTo(200); // the newCall arrives late
        assertThat(eventTypes(callId)).containsExactly("CallRang", "CallEnded", "ContactAbandoned");
        await().until(() ->
                queueRow(callId) != null && Boolean.TRUE.equals(queueRow(callId).get("abandoned")));
    }

    @Test
    void aHangupOvertakingItsAnswerIsCorrectedWhenTheAnswerArrives() {
        String callId = "pbx-" + UUID.randomUUID();
        json(Map.of("event", "newCall", "callId", callId, "from", "07700900556", "to", "101"));
        json(Map.of(
                "event", "hangup", "callId", callId, "from", "07700900556", "to", "101", "cause", "normalClearing"));
        json(Map.of(
                "event", "answer", "callId", callId, "from", "07700900556", "to", "101", "user", List.of("handler")));

        assertThat(eventTypes(callId))
                .containsExactly("CallRang", "CallEnded", "ContactAbandoned", "CallAnswered", "ContactAssigned");
        await().until(() ->
                queueRow(callId) != null && "handler".equals(queueRow(callId).get("handler")));
        assertThat(queueRow(callId)).containsEntry("abandoned", false).containsEntry("state", "ASSIGNED");
    }

    @Test
    void aWithheldNumberGetsAScreenPopWithoutHistory() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String callId = "pbx-" + UUID.randomUUID();
        try (Stomp console = Stomp.staff(port, handler)) {
            Stomp.Inbox screenPops = console.subscribe("/user/queue/screen-pop", null);
            json(Map.of("event", "newCall", "callId", callId, "from", "anonymous", "to", "101"));
            json(Map.of(
                    "event",
                    "answer",
                    "callId",
                    callId,
                    "from",
                    "anonymous",
                    "to",
                    "101",
                    "answeringNumber",
                    "01632 960100"));
            JsonNode pop = screenPops.await(p -> p.path("callId").asText().equals(callId), Duration.ofSeconds(10));
            assertThat(pop.path("withheld").asBoolean()).isTrue();
            assertThat(pop.path("previousContacts")).isEmpty();
        }
    }

    /** Two consoles (two sign-ins, two sockets) on one node: the screen-pop reaches both. */
    @Test
    void aHandlerWithTwoConsolesGetsTheScreenPopOnBoth() throws Exception {
        StaffSession desk = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        StaffSession laptop = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String callId = "pbx-" + UUID.randomUUID();
        try (Stomp first = Stomp.staff(port, desk);
                Stomp second = Stomp.staff(port, laptop)) {
            List<Stomp.Inbox> consoles = List.of(
                    first.subscribe("/user/queue/screen-pop", null), second.subscribe("/user/queue/screen-pop", null));
            json(Map.of("event", "newCall", "callId", callId, "from", "07700900557", "to", "101"));
            json(Map.of(
                    "event",
                    "answer",
                    "callId",
                    callId,
                    "from",
                    "07700900557",
                    "to",
                    "101",
                    "user",
                    List.of("handler")));
            for (Stomp.Inbox screenPops : consoles) {
                assertThat(screenPops.await(p -> p.path("callId").asText().equals(callId), Duration.ofSeconds(10)))
                        .isNotNull();
            }
        }
    }

    @Test
    void malformedEventsAreRefusedWithFieldErrorsAndRecordNothing() {
        long before = eventCount();
        assertThat(form(TOKEN, "event=explode&callId=x1").statusCode()).isEqualTo(400);
        assertThat(form(TOKEN, "event=newCall&callId=" + "x".repeat(100)).statusCode())
                .isEqualTo(400);
        assertThat(form(TOKEN, "event=hangup&callId=x2&cause=meteor").statusCode())
                .isEqualTo(400);
        assertThat(form(TOKEN, "callId=x3").statusCode()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    private Api.Response reportFrom(String phone) {
        var report = Api.validReport();
        report.put("phone", phone);
        report.put("updateChannel", "SMS");
        Api.Response created = api().report(report);
        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from contact_party where reference = :r")
                                        .param("r", created.text("reference"))
                                        .query(Long.class)
                                        .single()
                                == 1
                        && jdbc.sql("select count(*) from case_tracking where reference = :r")
                                        .param("r", created.text("reference"))
                                        .query(Long.class)
                                        .single()
                                == 1);
        return created;
    }
}
