package uk.police.bluelamp.app.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** A case worked from report to closure, and the citizen told the way they chose. */
class CaseWorkTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    record Reported(String reference, String code) {}

    private Reported report(String channel, String phone, String email, String location) {
        ObjectNode report = Api.validReport();
        report.put("updateChannel", channel);
        report.put("phone", phone);
        report.put("email", email);
        report.put("location", location);
        Api.Response created = api().report(report);
        assertThat(created.status()).isEqualTo(201);
        Reported reported = new Reported(created.text("reference"), created.text("trackingCode"));
        await().atMost(WAIT)
                .until(() -> handler()
                                .get("/api/v1/staff/cases/" + reported.reference())
                                .statusCode()
                        == 200);
        return reported;
    }

    private StaffSession handler;

    private StaffSession handler() {
        if (handler == null) {
            handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        }
        return handler;
    }

    private JsonNode caseView(String reference) {
        return StaffSession.json(handler().get("/api/v1/staff/cases/" + reference));
    }

    private JsonNode callTask(String reference) {
        for (JsonNode queue : StaffSession.json(handler().get("/api/v1/staff/queues"))) {
            for (JsonNode item : queue.path("items")) {
                if (queue.path("channel").asText().equals("CALLBACK")
                        && item.path("reference").asText().equals(reference)) {
                    return item;
                }
            }
        }
        return null;
    }

    private HttpResponse<String> citizen(String method, String path, String code, Object body) {
        StaffSession anonymous = new StaffSession(port);
        try {
            return anonymous.send(HttpRequest.newBuilder(URI.create(api().base() + path))
                    .header("Content-Type", "application/json")
                    .header("X-Tracking-Code", code)
                    .method(method, HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCaseIsAssignedOnlyToSomeoneWhoIsStaff() {
        String ref = report("ONLINE", null, null, "Anytown").reference();
        long before = eventCount();
        HttpResponse<String> nobody =
                handler().post("/api/v1/staff/cases/" + ref + "/assign", Map.of("handler", "no-such-officer"));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(StaffSession.json(nobody).path("errors").findValuesAsText("field"))
                .containsExactly("handler");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(handler()
                        .post("/api/v1/staff/cases/" + ref + "/assign", Map.of("handler", "supervisor"))
                        .statusCode())
                .isEqualTo(204);
        // Now the supervisor's case: read from the table, as the handler would need a reason to open it.
        await().atMost(WAIT)
                .until(() -> "supervisor"
                        .equals(jdbc.sql("select assigned_to from case_view where reference = :r")
                                .param("r", ref)
                                .query(String.class)
                                .optional()
                                .orElse(null)));
    }

    @Test
    void aPublicUpdateGoesByTextThroughNotifyWithTheReferenceAndALinkOnly() {
        Reported sms = report("SMS", "07700 900461", "sam@example.com", "Park Road, Anytown AB1 2CD");
        int before = FakeNotify.get().sent().size();
        String secret = "The suspect was seen on camera at 14:02";

        assertThat(handler()
                        .post(
                                "/api/v1/staff/cases/" + sms.reference() + "/updates",
                                Map.of("text", secret, "keyDecision", false))
                        .statusCode())
                .isEqualTo(204);

        await().atMost(WAIT).until(() -> FakeNotify.get().sent().size() > before);
        FakeNotify.Sent sent =
                FakeNotify.get().sent().get(FakeNotify.get().sent().size() - 1);
        assertThat(sent.kind()).isEqualTo("sms");
        assertThat(sent.body().path("template_id").asText()).isEqualTo(FakeNotify.SMS_TEMPLATE);
        assertThat(sent.body().path("phone_number").asText()).isEqualTo("07700 900461");
        assertThat(sent.body().path("reference").asText()).isEqualTo(sms.reference());
        assertThat(sent.body().path("personalisation").path("reference").asText())
                .isEqualTo(sms.reference());
        assertThat(sent.body().path("personalisation").has("link")).isTrue();
        assertThat(sent.body().toString()).doesNotContain("camera").doesNotContain("suspect");
        await().atMost(WAIT)
                .until(() -> caseView(sms.reference())
                        .path("deliveries")
                        .findValuesAsText("status")
                        .contains("SENT"));

        // The citizen's timeline is another read model, with a processor of its own.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api().track(sms.reference(), sms.code())
                                .body()
                                .path("timeline")
                                .findValuesAsText("detail"))
                        .contains(secret));
    }

    @Test
    void theCitizenChangesToEmailAndTheNextUpdateIsEmailedAndTheHandlerSeesIt() {
        Reported reported = report("ONLINE", null, null, "High Street");
        assertThat(citizen(
                                "PUT",
                                "/api/v1/cases/" + reported.reference() + "/update-preference",
                                reported.code(),
                                Map.of("updateChannel", "EMAIL", "updateFrequency", "FORTNIGHTLY"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(citizen(
                                "PUT",
                                "/api/v1/cases/" + reported.reference() + "/update-preference",
                                "WRNG-CDE2-3333",
                                Map.of(
                                        "updateChannel",
                                        "EMAIL",
                                        "updateFrequency",
                                        "FORTNIGHTLY",
                                        "email",
                                        "jo@example.com"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(citizen(
                                "PUT",
                                "/api/v1/cases/" + reported.reference() + "/update-preference",
                                reported.code(),
                                Map.of(
                                        "updateChannel",
                                        "EMAIL",
                                        "updateFrequency",
                                        "FORTNIGHTLY",
                                        "email",
                                        "jo@example.com"))
                        .statusCode())
                .isEqualTo(204);
        await().atMost(WAIT)
                .until(() -> caseView(reported.reference())
                        .path("updateChannel")
                        .asText()
                        .equals("EMAIL"));

        int before = FakeNotify.get().sent().size();
        handler()
                .post(
                        "/api/v1/staff/cases/" + reported.reference() + "/updates",
                        Map.of("text", "We have reviewed the footage"));
        await().atMost(WAIT)
                .until(() -> FakeNotify.get().sent().stream()
                        .skip(before)
                        .anyMatch(s -> s.kind().equals("email")
                                && s.body().path("email_address").asText().equals("jo@example.com")));
    }

    @Test
    void aNotifyOutageIsRecordedShownAndRetriedUntilTheUpdateGoesOut() {
        Reported reported = report("SMS", "07700 900462", null, "High Street");
        FakeNotify.get().failNext(2);
        handler().post("/api/v1/staff/cases/" + reported.reference() + "/updates", Map.of("text", "An update"));

        await().atMost(WAIT)
                .until(() -> caseView(reported.reference())
                        .path("deliveries")
                        .findValuesAsText("status")
                        .contains("FAILED"));
        await().atMost(Duration.ofSeconds(40))
                .until(() -> caseView(reported.reference())
                        .path("deliveries")
                        .findValuesAsText("status")
                        .contains("SENT"));
        JsonNode delivery = caseView(reported.reference()).path("deliveries").get(0);
        assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(caseView(reported.reference()).path("history").findValuesAsText("type"))
                .contains("UpdateDeliveryFailed");
    }

    @Test
    void aPhonePreferenceBecomesACallTaskInTheCallbackQueue() {
        Reported reported = report("PHONE", "01632 960 777", null, "High Street");
        handler().post("/api/v1/staff/cases/" + reported.reference() + "/updates", Map.of("text", "Please call them"));
        await().atMost(WAIT)
                .until(() -> caseView(reported.reference())
                        .path("deliveries")
                        .findValuesAsText("status")
                        .contains("CALL_TASK"));
        // The queue row names the case (never the citizen); opening the call-back says what to do.
        JsonNode task = await().atMost(WAIT).until(() -> callTask(reported.reference()), row -> row != null);
        assertThat(StaffSession.json(handler()
                                .get("/api/v1/staff/contacts/"
                                        + task.path("contactId").asText()))
                        .toString())
                .contains("Give the citizen an update on case " + reported.reference());
    }

    @Test
    void internalNotesNeverReachTheCitizenButPublicUpdatesAndStatusDo() {
        Reported reported = report("ONLINE", null, null, "High Street");
        String ref = reported.reference();
        handler().post("/api/v1/staff/cases/" + ref + "/notes", Map.of("text", "Neighbour may be involved"));
        handler().post("/api/v1/staff/cases/" + ref + "/status", Map.of("status", "UNDER_REVIEW"));
        assertThat(handler()
                        .post("/api/v1/staff/cases/" + ref + "/status", Map.of("status", "REFERRED"))
                        .statusCode())
                .as("a referral names its team")
                .isEqualTo(400);
        handler()
                .post(
                        "/api/v1/staff/cases/" + ref + "/status",
                        Map.of("status", "REFERRED", "team", "Neighbourhood team"));
        await().atMost(WAIT).until(() -> caseView(ref).path("status").asText().equals("REFERRED"));

        JsonNode history = caseView(ref).path("history");
        assertThat(history.findValuesAsText("title")).contains("Internal note", "Status: Referred");
        JsonNode tracking = await().atMost(WAIT)
                .until(
                        () -> api().track(ref, reported.code()).body(),
                        t -> t.path("status").asText().equals("REFERRED"));
        assertThat(tracking.toString())
                .doesNotContain("Neighbour may be involved")
                .contains("Neighbourhood team");
        // KeyDecisionMade follows the status change it came with, so it may be projected a moment later.
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(caseView(ref).path("keyDecisionDue").isNull())
                                .as("a referral is a key decision")
                                .isFalse());
    }

    /**
     * A field left out is named in a 400 by the controller or the aggregate, before anything is
     * recorded; no NullPointerException is answered as the sender's mistake (CommonErrors).
     */
    @Test
    void aMissingFieldIsNamedInA400() {
        String ref = report("ONLINE", null, null, "High Street").reference();
        String cases = "/api/v1/staff/cases/" + ref;
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("/assign", "Assign the case to a handler or a team");
        missing.put("/notes", "note is required");
        missing.put("/updates", "update is required");
        missing.put("/status", "Choose a status");
        missing.put("/crime-decision", "Say whether the report is recorded as a crime");
        missing.put("/messages", "message is required");
        missing.put("/triage", "Select a grade");
        missing.forEach((action, detail) -> {
            HttpResponse<String> answer = handler().post(cases + action, Map.of());
            assertThat(answer.statusCode()).as(action).isEqualTo(400);
            assertThat(StaffSession.json(answer).path("title").asText())
                    .as(action)
                    .isEqualTo("There is a problem");
            assertThat(StaffSession.json(answer).path("detail").asText())
                    .as(action)
                    .isEqualTo(detail);
        });
        StaffSession dpo = StaffSession.signedIn(port, "dpo", "blue-lamp-dpo");
        String review = "/api/v1/staff/retention/reviews/" + ref;
        assertThat(StaffSession.json(dpo.post(review + "/extend", Map.of()))
                        .path("detail")
                        .asText())
                .isEqualTo("Give the date of the next review, as YYYY-MM-DD");
        assertThat(StaffSession.json(dpo.post(review + "/extend", Map.of("nextReviewDue", "2099-01-01")))
                        .path("detail")
                        .asText())
                .isEqualTo("reason is required");
        HttpResponse<String> noReason = dpo.post(review + "/dispose", Map.of());
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(StaffSession.json(noReason).path("detail").asText()).isEqualTo("reason is required");
        assertThat(caseView(ref).path("history").findValuesAsText("title")).doesNotContain("Internal note");
    }

    @Test
    void theCrimeRecordingDecisionIsDueWithin24HoursAndRecordedOnce() {
        Reported reported = report("ONLINE", null, null, "High Street");
        String ref = reported.reference();
        JsonNode decision = caseView(ref).path("crimeDecision");
        assertThat(decision.path("decided").asBoolean()).isFalse();
        assertThat(Instant.parse(decision.path("due").asText()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(handler()
                        .post("/api/v1/staff/cases/" + ref + "/crime-decision", Map.of("recorded", true))
                        .statusCode())
                .as("recording needs a crime number")
                .isEqualTo(400);
        assertThat(handler()
                        .post(
                                "/api/v1/staff/cases/" + ref + "/crime-decision",
                                Map.of("recorded", true, "crimeNumber", "CR/0042/26"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(handler()
                        .post(
                                "/api/v1/staff/cases/" + ref + "/crime-decision",
                                Map.of("recorded", false, "reason", "Changed my mind"))
                        .statusCode())
                .isEqualTo(409);
        await().atMost(WAIT)
                .until(() -> caseView(ref)
                        .path("crimeDecision")
                        .path("crimeNumber")
                        .asText()
                        .equals("CR/0042/26"));
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_data is not null")
                        .query(Long.class)
                        .single())
                .as("deadlines are kept in PostgreSQL, so they survive a restart")
                .isPositive();
    }

    @Autowired
    private CommandGateway commands;

    @Test
    void aMissedCrimeDecisionDeadlineFiresFromThePersistedScheduleAndFlagsTheCase() {
        String ref = "BL-2025-" + (500000 + (int) (Math.random() * 99999));
        Instant dayAndAHourAgo = Instant.now().minus(Duration.ofHours(25));
        commands.sendAndWait(new OpenCase(
                ref,
                UUID.randomUUID().toString(),
                Channel.WEB,
                ReportCategory.THEFT,
                "ABCD-EFGH-JKMN",
                new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.WEEKLY),
                CitizenDetails.none(),
                null,
                dayAndAHourAgo));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = :ref and payload_type like '%CrimeDecisionOverdue'
                        """).param("ref", ref).query(Long.class).single() == 1);
        await().atMost(WAIT)
                .until(() ->
                        caseView(ref).path("history").findValuesAsText("type").contains("CrimeDecisionOverdue"));
        assertThat(caseView(ref).path("crimeDecision").path("overdue").asBoolean())
                .isTrue();
    }

    @Test
    void handlersFindCasesByReferenceNamePhoneEmailOrPostcodeAndStatus() {
        Reported reported =
                report("SMS", "07700 900463", "finder@example.com", "Outside 12 Mill Lane, Anytown ZX9 8YW");
        String ref = reported.reference();
        for (String query : List.of(ref, "Sam Smith", "07700900463", "+44 7700 900463", "finder@example", "zx98yw")) {
            assertThat(StaffSession.json(handler()
                                    .get("/api/v1/staff/cases?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .findValuesAsText("reference"))
                    .as("search for %s", query)
                    .contains(ref);
        }
        assertThat(StaffSession.json(handler().get("/api/v1/staff/cases?q=" + ref + "&status=CLOSED"))
                        .size())
                .isZero();
        assertThat(new StaffSession(port).get("/api/v1/staff/cases?q=" + ref).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theCitizenAndTheHandlerExchangeSecureMessages() {
        Reported reported = report("ONLINE", null, null, "High Street");
        String ref = reported.reference();
        assertThat(citizen(
                                "POST",
                                "/api/v1/cases/" + ref + "/messages",
                                reported.code(),
                                Map.of("text", "<script>alert(1)</script> the bike is red"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(citizen("POST", "/api/v1/cases/" + ref + "/messages", "ZZZZ-YYYY-XXXX", Map.of("text", "hi"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(handler()
                        .post("/api/v1/staff/cases/" + ref + "/messages", Map.of("text", "Thank you"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(caseView(ref).path("messages").findValuesAsText("text"))
                .containsExactly("<script>alert(1)</script> the bike is red", "Thank you");
        assertThat(api().track(ref, reported.code()).body().path("messages").findValuesAsText("from"))
                .containsExactly("CITIZEN", "HANDLER");
    }
}
