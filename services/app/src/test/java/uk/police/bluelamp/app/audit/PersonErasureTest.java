package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.police.bluelamp.app.StaffSession;

/**
 * The data subject is the person (docs/adr/0028-the-person-is-every-linked-subject.md): someone
 * who reported online, chatted and asked for a call-back about one matter, all joined to one case
 * by the handler, is erased whole by the case reference.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonErasureTest extends AuditSupport {

    private static final String REASON = "Subject access request SAR-2026-0099";

    @Test
    void aPersonWhoUsedThreeChannelsForOneCaseIsErasedWholeByTheCaseReference(CapturedOutput log) {
        Person person = Person.distinctive();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String chatTopic = "Worried about " + tag + " next door";
        String chatText = "My door code is " + tag + "-4471";
        String callbackTopic = "Please ring me about " + tag + " at the allotment";
        String handlerNote = "Caller " + person.name() + " confirmed the bike";
        String transferNote = "Back to the queue: " + person.name() + " wants a Welsh speaker";
        List<String> secrets = new ArrayList<>(person.all());
        secrets.addAll(List.of(chatTopic, chatText, callbackTopic, handlerNote, transferNote));

        StaffSession handler = handler();
        String reference = report(person);
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        String chatId = chatJoinedToTheCase(person, chatTopic, chatText, reference, handlerNote, transferNote, handler);
        String callbackId = callbackJoinedToTheCase(person, callbackTopic, reference, handler);

        StaffSession admin = StaffSession.signedIn(port, "admin", "blue-lamp-admin");
        // Subject access by the chat alone reaches what they said on every channel, as a page they can read.
        HttpResponse<String> page =
                getWithReason(admin, "/api/v1/admin/subject-access?format=html&contactId=" + chatId, REASON);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains(person.email(), chatText, callbackTopic, "Who looked at your records")
                .doesNotContain("<script");
        HttpResponse<String> erased = admin.post(
                "/api/v1/admin/erasures",
                Map.of(
                        "reference",
                        reference,
                        "legalBasis",
                        "UK_GDPR_ARTICLE_17",
                        "reason",
                        "Erasure decision ERA-2026-0101"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        assertThat(json(erased).path("subjects"))
                .as("the report's, the chat's and the call-back's")
                .hasSize(3);
        awaitScrubs(admin, json(erased).path("rebuilds"));

        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            EveryTable.holding(jdbc, secret).forEach(table -> leaks.add(secret + " in " + table));
            if (log.getAll().contains(secret)) {
                leaks.add(secret + " in the application log");
            }
        }
        StaffSession auditor = auditor();
        Map<String, HttpResponse<String>> reads = Map.of(
                "case view", getWithReason(handler, "/api/v1/staff/cases/" + reference, REASON),
                "chat contact", getWithReason(handler, "/api/v1/staff/contacts/" + chatId, REASON),
                "call-back contact", getWithReason(handler, "/api/v1/staff/contacts/" + callbackId, REASON),
                "chat transcript", getWithReason(admin, "/api/v1/staff/contacts/" + chatId + "/chat", REASON),
                "chat's contact history",
                        getWithReason(handler, "/api/v1/staff/contacts/" + chatId + "/history", REASON),
                "queues", handler.get("/api/v1/staff/queues"),
                "case search", handler.get("/api/v1/staff/cases?q=" + tag),
                "audit event log", getWithReason(auditor, "/api/v1/audit/events?case=" + reference, REASON),
                "case export",
                        getWithReason(auditor, "/api/v1/audit/cases/" + reference + "/export?format=csv", REASON),
                "subject access by the call-back",
                        getWithReason(admin, "/api/v1/admin/subject-access?contactId=" + callbackId, REASON));
        reads.forEach((what, read) -> {
            assertThat(read.statusCode()).as(what + ": " + read.body()).isEqualTo(200);
            secrets.stream().filter(read.body()::contains).forEach(secret -> leaks.add(secret + " in the " + what));
        });
        assertThat(leaks).as("the person's data left after their erasure").isEmpty();
        JsonNode access = json(reads.get("subject access by the call-back"));
        assertThat(access.path("subjects")).hasSize(3);
        assertThat(access.path("erased").asBoolean()).isTrue();
        assertThat(admin.post(
                                "/api/v1/admin/erasures",
                                Map.of("contactId", chatId, "legalBasis", "UK_GDPR_ARTICLE_17", "reason", "again"))
                        .statusCode())
                .as("the chat went with the case")
                .isEqualTo(409);
    }

    private String chatJoinedToTheCase(
            Person person,
            String topic,
            String text,
            String reference,
            String note,
            String transferNote,
            StaffSession handler) {
        JsonNode chat = json(new StaffSession(port)
                .post("/api/v1/chats", Map.of("name", person.name(), "topic", topic, "anyoneInDanger", false)));
        String chatId = chat.path("contactId").asText();
        String token = chat.path("chatToken").asText();
        StaffSession citizen = new StaffSession(port);
        HttpResponse<String> sent = citizen.send(HttpRequest.newBuilder(
                        citizen.uri("/api/v1/chats/" + chatId + "/messages"))
                .header("X-Chat-Token", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientMessageId\":\"m-1\",\"text\":\"" + text + "\"}"))
                .build());
        assertThat(sent.statusCode()).as(sent.body()).isLessThan(300);
        await().atMost(WAIT)
                .until(() -> handler.post("/api/v1/staff/contacts/" + chatId + "/take", null)
                                .statusCode()
                        == 200);
        // Passed back to the queue with a note about the person, then taken again.
        assertThat(handler.post(
                                "/api/v1/staff/contacts/" + chatId + "/transfer",
                                Map.of("toChannel", "CHAT", "note", transferNote))
                        .statusCode())
                .isEqualTo(204);
        await().atMost(WAIT)
                .until(() -> handler.post("/api/v1/staff/contacts/" + chatId + "/take", null)
                                .statusCode()
                        == 200);
        joinToCase(handler, chatId, note, reference);
        citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + chatId + "/end"))
                .header("X-Chat-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        return chatId;
    }

    private String callbackJoinedToTheCase(Person person, String topic, String reference, StaffSession handler) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode requested = json(new StaffSession(port)
                .post(
                        "/api/v1/callbacks",
                        Map.of(
                                "name",
                                person.name(),
                                "phone",
                                person.phone(),
                                "topic",
                                topic,
                                "windowStart",
                                start.toString(),
                                "windowEnd",
                                start.plus(Duration.ofHours(2)).toString(),
                                "anyoneInDanger",
                                false)));
        String callbackId = requested.path("contactId").asText();
        await().atMost(WAIT)
                .until(() -> handler.post("/api/v1/staff/contacts/" + callbackId + "/take", null)
                                .statusCode()
                        == 200);
        joinToCase(handler, callbackId, "Rang back about the same bike", reference);
        assertThat(handler.post("/api/v1/staff/contacts/" + callbackId + "/close", Map.of("outcome", "Advice given"))
                        .statusCode())
                .isEqualTo(204);
        return callbackId;
    }

    private void joinToCase(StaffSession handler, String contactId, String summary, String reference) {
        HttpResponse<String> joined = handler.post(
                "/api/v1/staff/contacts/" + contactId + "/summary",
                Map.of("category", "THEFT", "summary", summary, "caseReference", reference));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(json(joined).path("reference").asText()).isEqualTo(reference);
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from case_contact where reference = :r " + "and contact_id = :c")
                                .param("r", reference)
                                .param("c", contactId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private void awaitScrubs(StaffSession admin, JsonNode runs) {
        assertThat(runs.size()).as(runs.toString()).isGreaterThanOrEqualTo(4);
        runs.forEach(run -> await().atMost(Duration.ofSeconds(90))
                .until(() -> List.of("COMPLETED", "FAILED")
                        .contains(json(admin.get("/api/v1/audit/replays/" + run.asText()))
                                .path("state")
                                .asText())));
        runs.forEach(run -> assertThat(json(admin.get("/api/v1/audit/replays/" + run.asText()))
                        .path("state")
                        .asText())
                .as(run.asText())
                .isEqualTo("COMPLETED"));
    }
}
