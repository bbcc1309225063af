package uk.police.bluelamp.app.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/** Handlers working the queues over HTTP, as the console does. */
class QueueWorkTest extends IntegrationTest {

    static final int HANDLERS = 8;

    @Autowired
    private UserDetailsService staff;

    @BeforeEach
    void moreHandlers() {
        UserDetailsManager accounts = (UserDetailsManager) staff;
        for (int i = 1; i <= HANDLERS; i++) {
            if (!accounts.userExists("racer" + i)) {
                accounts.createUser(User.withUsername("racer" + i)
                        .password("{noop}racer-password")
                        .roles("HANDLER")
                        .build());
            }
        }
    }

    String startChat() {
        JsonNode started = StaffSession.json(
                new StaffSession(port).post("/api/v1/chats", Map.of("topic", "Lost wallet", "anyoneInDanger", false)));
        return started.path("contactId").asText();
    }

    @Test
    void whenManyHandlersTakeTheSameContactAtOnceExactlyOneGetsIt() throws Exception {
        List<StaffSession> racers = new ArrayList<>();
        for (int i = 1; i <= HANDLERS; i++) {
            racers.add(StaffSession.signedIn(port, "racer" + i, "racer-password"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(HANDLERS);
        try {
            for (int round = 0; round < 5; round++) {
                String contactId = startChat();
                await().until(() -> jdbc.sql("select count(*) from queue_item where contact_id = :id")
                                .param("id", contactId)
                                .query(Long.class)
                                .single()
                        == 1);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> attempts = new ArrayList<>();
                for (StaffSession racer : racers) {
                    attempts.add(pool.submit(() -> {
                        go.await();
                        return racer.post("/api/v1/staff/contacts/" + contactId + "/take", null);
                    }));
                }
                go.countDown();
                List<HttpResponse<String>> answers = new ArrayList<>();
                for (Future<HttpResponse<String>> attempt : attempts) {
                    answers.add(attempt.get());
                }
                assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(1);
                assertThat(answers)
                        .filteredOn(a -> a.statusCode() == 409)
                        .hasSize(HANDLERS - 1)
                        .allSatisfy(a -> assertThat(
                                        StaffSession.json(a).path("detail").asText())
                                .isEqualTo("Another handler took this contact first."));
                assertThat(jdbc.sql("""
                                select count(*) from domain_event_entry
                                where aggregate_identifier = :id and payload_type like '%ContactAssigned'
                                """)
                                .param("id", contactId)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void takeNextGivesTheMostUrgentThenLongestWaitingContact() {
        StaffSession handler = StaffSession.signedIn(port, "racer1", "racer-password");
        drain(handler, "CHAT");
        String first = startChat();
        String second = startChat();
        String urgent = startChat();
        await().until(() -> waitingChats().containsAll(List.of(first, second, urgent)));
        assertThat(handler.post(
                                "/api/v1/staff/contacts/" + urgent + "/triage",
                                Map.of(
                                        "grade",
                                        "PRIORITY",
                                        "rationale",
                                        "Repeat victim",
                                        "vulnerability",
                                        "Elderly, lives alone"))
                        .statusCode())
                .isEqualTo(200);
        await().until(() -> waitingChats().get(0).equals(urgent));

        assertThat(next(handler, "CHAT")).isEqualTo(urgent);
        assertThat(next(handler, "CHAT")).isEqualTo(first);
        assertThat(next(handler, "CHAT")).isEqualTo(second);
        assertThat(handler.post("/api/v1/staff/queues/CHAT/next", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anImmediateGradeTellsTheHandlerToPassItToEmergencyResponseAndTriageIsRepeatable() {
        StaffSession handler = StaffSession.signedIn(port, "racer2", "racer-password");
        String contactId = startChat();
        JsonNode scheduled = StaffSession.json(handler.post(
                "/api/v1/staff/contacts/" + contactId + "/triage",
                Map.of("grade", "SCHEDULED", "rationale", "No ongoing risk")));
        assertThat(scheduled.path("instruction").isNull()).isTrue();
        JsonNode immediate = StaffSession.json(handler.post(
                "/api/v1/staff/contacts/" + contactId + "/triage",
                Map.of(
                        "grade",
                        "IMMEDIATE",
                        "threat",
                        "Caller says the man is back with a knife",
                        "rationale",
                        "Threat to life now")));
        assertThat(immediate.path("instruction").asText()).contains("emergency response");
        await().until(() -> jdbc.sql("select count(*) from contact_triage where contact_id = :id")
                        .param("id", contactId)
                        .query(Long.class)
                        .single()
                == 2);
        HttpResponse<String> invalid =
                handler.post("/api/v1/staff/contacts/" + contactId + "/triage", Map.of("grade", "SOON"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(StaffSession.json(invalid).path("errors").findValuesAsText("field"))
                .containsExactly("grade", "rationale");
    }

    @Test
    void aHandlerRecordsWhatAContactWasAboutOpeningACaseOrAddingToOne() {
        StaffSession handler = StaffSession.signedIn(port, "racer3", "racer-password");
        StaffSession citizen = new StaffSession(port);
        JsonNode chat = StaffSession.json(
                citizen.post("/api/v1/chats", Map.of("topic", "Lost wallet", "anyoneInDanger", false)));
        String first = chat.path("contactId").asText();
        take(handler, first);
        JsonNode opened = summarise(handler, first, "Bike stolen from the station", null);
        String reference = opened.path("reference").asText();
        assertThat(reference).matches("BL-\\d{4}-\\d{6}");
        assertThat(opened.path("joined").asBoolean()).isFalse();
        // A chat's citizen is given the code in the chat; the handler never sees it.
        assertThat(opened.path("sentToCitizen").asBoolean()).isTrue();
        assertThat(opened.path("trackingCode").isNull()).isTrue();
        JsonNode given = StaffSession.json(citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + first))
                        .header("X-Chat-Token", chat.path("chatToken").asText())
                        .build()))
                .path("caseOpened");
        assertThat(given.path("reference").asText()).isEqualTo(reference);
        String code = given.path("trackingCode").asText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        // Saved again with no reference, the contact stays in its case rather than opening a second
        // (once the queue, where the default comes from, knows the case; the contact refuses a
        // second case meanwhile).
        await().until(() -> reference.equals(jdbc.sql("select reference from queue_item where contact_id = :id")
                .param("id", first)
                .query(String.class)
                .optional()
                .orElse(null)));
        JsonNode again = summarise(handler, first, "Bike stolen, and the lock cut", null);
        assertThat(again.path("reference").asText()).isEqualTo(reference);
        assertThat(again.path("joined").asBoolean()).isTrue();

        String repeat = startChat();
        take(handler, repeat);
        JsonNode added = summarise(handler, repeat, "Calling again about the bike", reference);
        assertThat(added.path("reference").asText()).isEqualTo(reference);
        assertThat(added.path("trackingCode").isNull()).isTrue();

        JsonNode tracked = await().until(
                        () -> api().track(reference, code),
                        r -> r.status() == 200 && r.body().path("timeline").size() == 2)
                .body();
        assertThat(tracked.path("timeline").findValuesAsText("title")).contains("We received another contact from you");
        HttpResponse<String> unknown = handler.post(
                "/api/v1/staff/contacts/" + repeat + "/summary",
                Map.of("category", "THEFT", "summary", "x", "caseReference", "BL-1999-000001"));
        assertThat(unknown.statusCode()).isEqualTo(400);

        // A contact in one case is refused a second: the cases are linked instead.
        String other = startChat();
        take(handler, other);
        String otherCase = summarise(handler, other, "A different matter", null)
                .path("reference")
                .asText();
        HttpResponse<String> secondCase = handler.post(
                "/api/v1/staff/contacts/" + first + "/summary",
                Map.of("category", "THEFT", "summary", "Move it", "caseReference", otherCase));
        assertThat(secondCase.statusCode()).isEqualTo(409);
        assertThat(StaffSession.json(secondCase).path("detail").asText()).contains(reference);
    }

    private static JsonNode summarise(StaffSession handler, String contactId, String summary, String caseReference) {
        Map<String, String> body = new HashMap<>(Map.of("category", "THEFT", "summary", summary));
        if (caseReference != null) {
            body.put("caseReference", caseReference);
        }
        HttpResponse<String> saved = handler.post("/api/v1/staff/contacts/" + contactId + "/summary", body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return StaffSession.json(saved);
    }

    @Test
    void aCallbackWaitsForItsWindowAndANoAnswerWithRetryGoesBackInTheQueue() {
        StaffSession handler = StaffSession.signedIn(port, "racer4", "racer-password");
        Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode requested = StaffSession.json(new StaffSession(port)
                .post(
                        "/api/v1/callbacks",
                        Map.of(
                                "name",
                                "Pat",
                                "phone",
                                "07700 900123",
                                "topic",
                                "Follow-up about my report",
                                "windowStart",
                                start.toString(),
                                "windowEnd",
                                start.plus(Duration.ofHours(2)).toString(),
                                "anyoneInDanger",
                                false)));
        String contactId = requested.path("contactId").asText();
        await().until(() -> "WAITING".equals(state(contactId)));
        assertThat(handler.post("/api/v1/staff/contacts/" + contactId + "/take", null)
                        .statusCode())
                .isEqualTo(200);
        Instant retry = Instant.now().plus(Duration.ofMinutes(30));
        assertThat(handler.post(
                                "/api/v1/staff/contacts/" + contactId + "/callback-attempts",
                                Map.of("outcome", "NO_ANSWER", "retryAt", retry.toString(), "note", "Voicemail"))
                        .statusCode())
                .isEqualTo(204);
        await().until(() -> "WAITING".equals(state(contactId)));
        assertThat(handler.post("/api/v1/staff/contacts/" + contactId + "/take", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(handler.post(
                                "/api/v1/staff/contacts/" + contactId + "/callback-attempts",
                                Map.of("outcome", "REACHED", "note", "Spoke to Pat"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(handler.post("/api/v1/staff/contacts/" + contactId + "/close", Map.of("outcome", "Advice given"))
                        .statusCode())
                .isEqualTo(204);
        await().until(() -> "CLOSED".equals(state(contactId)));
    }

    @Test
    void aCallbackRequestWithBadAnswersIsRefusedFieldByField() {
        HttpResponse<String> refused = new StaffSession(port)
                .post(
                        "/api/v1/callbacks",
                        Map.of(
                                "phone",
                                "12",
                                "topic",
                                "",
                                "windowStart",
                                "yesterday",
                                "windowEnd",
                                "2020-01-01T00:00:00Z",
                                "anyoneInDanger",
                                true));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(StaffSession.json(refused).path("errors").findValuesAsText("field"))
                .containsExactly("anyoneInDanger", "phone", "topic", "windowStart");
    }

    @Test
    void aContactTransferredWithANoteReachesTheOtherHandler() {
        StaffSession from = StaffSession.signedIn(port, "racer5", "racer-password");
        String contactId = startChat();
        take(from, contactId);
        assertThat(from.post("/api/v1/staff/contacts/" + contactId + "/transfer", Map.of("toHandler", "racer6"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(from.post(
                                "/api/v1/staff/contacts/" + contactId + "/transfer",
                                Map.of("toHandler", "racer6", "note", "Needs a Welsh speaker"))
                        .statusCode())
                .isEqualTo(204);
        StaffSession to = StaffSession.signedIn(port, "racer6", "racer-password");
        await().until(() -> StaffSession.json(to.get("/api/v1/staff/my-contacts"))
                .findValuesAsText("contactId")
                .contains(contactId));
        // The note itself reaches them, on the contact they were given.
        JsonNode transfer = await().until(
                        () -> StaffSession.json(to.get("/api/v1/staff/contacts/" + contactId))
                                .path("transfers"),
                        transfers -> transfers.size() == 1)
                .get(0);
        assertThat(transfer.path("note").asText()).isEqualTo("Needs a Welsh speaker");
        assertThat(transfer.path("fromHandler").asText()).isEqualTo("racer5");
        assertThat(transfer.path("toHandler").asText()).isEqualTo("racer6");
    }

    /** A take is refused until the queue read model holds the contact, so wait for it there first. */
    private void take(StaffSession handler, String contactId) {
        await().until(() -> state(contactId) != null);
        HttpResponse<String> taken = handler.post("/api/v1/staff/contacts/" + contactId + "/take", null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    }

    private String state(String contactId) {
        return jdbc.sql("select state from queue_item where contact_id = :id")
                .param("id", contactId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<String> waitingChats() {
        return jdbc.sql(
                        "select contact_id from queue_item where state = 'WAITING' and channel = 'CHAT' order by priority, queued_at, contact_id")
                .query(String.class)
                .list();
    }

    private void drain(StaffSession handler, String channel) {
        while (handler.post("/api/v1/staff/queues/" + channel + "/next", null).statusCode() == 200) {
            // take whatever earlier tests left waiting
        }
    }

    private String next(StaffSession handler, String channel) {
        HttpResponse<String> taken = handler.post("/api/v1/staff/queues/" + channel + "/next", null);
        assertThat(taken.statusCode()).isEqualTo(200);
        String contactId = StaffSession.json(taken).path("contactId").asText();
        await().until(() -> !waitingChats().contains(contactId));
        return contactId;
    }
}
