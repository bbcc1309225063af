package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.security.AccessMatrix.Row;
import uk.police.bluelamp.app.security.AccessMatrix.Who;

/**
 * Every route docs/access-matrix.md marks as returning personal data (`logged`) refuses an
 * auditor or admin without a reason (428) and, given one, records the look in the access log.
 */
class PersonalDataRoutesTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void everyRouteMarkedPersonalAsksAReasonAndLogsTheLook() {
        JsonNode reported = StaffSession.json(new StaffSession(port).post("/api/v1/reports", Api.validReport()));
        String reference = reported.path("reference").asText();
        sendFile(
                "/api/v1/cases/" + reference + "/evidence",
                "X-Tracking-Code",
                reported.path("trackingCode").asText());
        caseFile = jdbc.sql("select evidence_id::text from evidence_file where stream_id = :reference")
                .param("reference", reference)
                .query(String.class)
                .single();
        String chatId = endedChat("Alex", "A neighbour's dog barks all night");
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);

        List<Row> logged =
                AccessMatrix.read().rows().stream().filter(Row::logged).toList();
        assertThat(logged).as("routes the matrix marks as logged").hasSizeGreaterThanOrEqualTo(8);
        List<String> wrong = new ArrayList<>();
        for (Row row : logged) {
            assertThat(row.method()).as("a personal read").isEqualTo("GET");
            Who who = row.cells().get(Who.AUDITOR).startsWith("deny") ? Who.ADMIN : Who.AUDITOR;
            String account = who.name().toLowerCase(Locale.ROOT);
            StaffSession session = StaffSession.signedIn(port, account, "blue-lamp-" + account);
            for (String route : row.paths()) {
                String path = concrete(route, reference, chatId);
                HttpResponse<String> unexplained = session.get(path);
                if (unexplained.statusCode() != 428
                        || !StaffSession.json(unexplained)
                                .path("reasonRequired")
                                .asBoolean()) {
                    wrong.add(route + " as " + who + " without a reason: " + unexplained.statusCode());
                    continue;
                }
                String reason = "Check " + UUID.randomUUID();
                HttpResponse<String> explained = session.send(HttpRequest.newBuilder(session.uri(path))
                        .header("X-Access-Reason", reason)
                        .GET()
                        .build());
                if (explained.statusCode() != 200) {
                    wrong.add(route + " as " + who + " with a reason: " + explained.statusCode());
                    continue;
                }
                try {
                    await().atMost(WAIT)
                            .until(() -> session.get("/api/v1/audit/access?viewer=" + account)
                                    .body()
                                    .contains(reason));
                } catch (ConditionTimeoutException notLogged) {
                    wrong.add(route + " as " + who + ": no access-log entry");
                }
            }
        }
        assertThat(wrong)
                .as("personal-data routes that do not keep the reason rule or the access log")
                .isEmpty();
    }

    @Test
    void listsOfCasesAreLoggedAndOnlyAuditorsAreAskedWhy() {
        String reference = StaffSession.json(new StaffSession(port).post("/api/v1/reports", Api.validReport()))
                .path("reference")
                .asText();
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        List<Row> listed = AccessMatrix.read().rows().stream()
                .filter(row -> row.personalData().equals("listed"))
                .toList();
        assertThat(listed)
                .extracting(row -> row.paths().get(0))
                .contains("/api/v1/staff/cases", "/api/v1/staff/cases/due");
        for (Row row : listed) {
            String path = row.paths().get(0) + (row.paths().get(0).endsWith("/cases") ? "?q=" + reference : "");
            assertThat(handler.get(path).statusCode())
                    .as(path + " without a reason")
                    .isEqualTo(200);
            String reason = "List " + UUID.randomUUID();
            HttpResponse<String> explained = handler.send(HttpRequest.newBuilder(handler.uri(path))
                    .header("X-Access-Reason", reason)
                    .GET()
                    .build());
            assertThat(explained.statusCode()).isEqualTo(200);
            assertThat(auditor.get(path).statusCode())
                    .as(path + " searched by an auditor without a reason")
                    .isEqualTo(428);
            if (explained.body().contains(reference)) {
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(auditor.get("/api/v1/audit/access?reference=" + reference)
                                        .body())
                                .as(path)
                                .contains(reason));
            }
        }
    }

    /**
     * The list is complete: a person's strings come back from no GET route the matrix leaves
     * unmarked, for any staff role (each giving a reason, so guarded routes answer too).
     */
    @Test
    void noUnmarkedRouteReturnsAPersonsStrings() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        List<String> strings = List.of("Quillfeather" + token, "zq" + token + "@example.org", "Larkspur" + token);
        ObjectNode report = Api.validReport();
        report.put("name", "Zephyrine " + strings.get(0));
        report.put("email", strings.get(1));
        report.put("description", "My bike was taken by " + strings.get(2));
        String reference = StaffSession.json(new StaffSession(port).post("/api/v1/reports", report))
                .path("reference")
                .asText();
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        String chatId = endedChat("Quillfeather" + token, "Larkspur" + token + " was shouting");
        String reported = StaffSession.json(handler.get("/api/v1/staff/cases/" + reference))
                .path("contacts")
                .path(0)
                .path("contactId")
                .asText();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(handler.get("/api/v1/staff/contacts/" + reported)
                                .body())
                        .as("the strings are found where they are shown")
                        .contains(strings));
        inTheQueuesAndInTheHandlersOwnContacts(report, strings, handler, reported);

        Map<Who, StaffSession> sessions = new EnumMap<>(Who.class);
        for (Who who : List.of(Who.HANDLER, Who.SUPERVISOR, Who.AUDITOR, Who.ADMIN)) {
            String account = who.name().toLowerCase(Locale.ROOT);
            sessions.put(who, StaffSession.signedIn(port, account, "blue-lamp-" + account));
        }
        List<String> wrong = new ArrayList<>();
        for (Row row : AccessMatrix.read().rows()) {
            if (!row.method().equals("GET") || !row.personalData().isEmpty()) {
                continue;
            }
            for (String route : row.paths()) {
                if (route.contains("*") || route.contains("{registrationId}") || route.equals("/ws")) {
                    continue;
                }
                String path = concrete(
                        route.replace("{id}", "none").replace("{requiredMetricName}", "jvm.threads.live"),
                        reference,
                        chatId);
                for (Map.Entry<Who, StaffSession> signedIn : sessions.entrySet()) {
                    Who who = signedIn.getKey();
                    StaffSession session = signedIn.getValue();
                    String body = session.send(HttpRequest.newBuilder(session.uri(path))
                                    .header("X-Access-Reason", "Completeness walk")
                                    .GET()
                                    .build())
                            .body();
                    strings.stream()
                            .filter(body::contains)
                            .findFirst()
                            .ifPresent(found -> wrong.add(route + " as " + who + " shows " + found));
                }
            }
        }
        assertThat(wrong)
                .as("routes that return personal data but are not marked in docs/access-matrix.md")
                .isEmpty();
    }

    /**
     * The walk must meet the person in every list: the report waits in the web queue, a second
     * report of theirs is the walking handler's own contact, and their call-back waits too.
     */
    private void inTheQueuesAndInTheHandlersOwnContacts(
            ObjectNode report, List<String> strings, StaffSession handler, String waiting) {
        String again = StaffSession.json(new StaffSession(port).post("/api/v1/reports", report))
                .path("reference")
                .asText();
        await().atMost(WAIT)
                .until(() -> handler.get("/api/v1/staff/cases/" + again).statusCode() == 200);
        String taken = StaffSession.json(handler.get("/api/v1/staff/cases/" + again))
                .path("contacts")
                .path(0)
                .path("contactId")
                .asText();
        await().atMost(WAIT)
                .until(() -> handler.post("/api/v1/staff/contacts/" + taken + "/take", null)
                                .statusCode()
                        == 200);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String callback = StaffSession.json(new StaffSession(port)
                        .post(
                                "/api/v1/callbacks",
                                Map.of(
                                        "name",
                                        report.path("name").asText(),
                                        "phone",
                                        "07700 900123",
                                        "topic",
                                        "About " + strings.get(2),
                                        "windowStart",
                                        start.toString(),
                                        "windowEnd",
                                        start.plus(Duration.ofHours(2)).toString(),
                                        "anyoneInDanger",
                                        false)))
                .path("contactId")
                .asText();
        await().atMost(WAIT)
                .until(() -> jdbc.sql("""
                        select count(*) from queue_item where (contact_id in (:waiting, :callback) and state = 'WAITING')
                        or (contact_id = :taken and state = 'ASSIGNED' and handler = 'handler')
                        """)
                                .param("waiting", waiting)
                                .param("callback", callback)
                                .param("taken", taken)
                                .query(Integer.class)
                                .single()
                        == 3);
    }

    /** A file the citizen sent with their case, and one sent in the ended chat (the evidence routes). */
    private String caseFile = "none";

    private String chatFile = "none";

    private HttpResponse<String> sendFile(String path, String credential, String value) {
        StaffSession citizen = new StaffSession(port);
        // The smallest GIF: a type taken, so it is scanned and kept.
        byte[] gif = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=");
        HttpResponse<String> sent = citizen.send(HttpRequest.newBuilder(citizen.uri(path + "?name=pixel.gif"))
                .header("Content-Type", "application/octet-stream")
                .header(credential, value)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gif))
                .build());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return sent;
    }

    private String concrete(String route, String reference, String chatId) {
        String path = route.replace("{reference}", reference)
                .replace("{contactId}", chatId)
                .replace("{evidenceId}", route.contains("/cases/") ? caseFile : chatFile);
        if (path.endsWith("/as-of")) {
            return path + "?at=" + Instant.now();
        }
        if (path.endsWith("/subject-access")) {
            return path + "?reference=" + reference;
        }
        if (path.endsWith("/audit/events")) {
            return path + "?size=20";
        }
        return path;
    }

    private String endedChat(String name, String topic) {
        JsonNode started = StaffSession.json(new StaffSession(port)
                .post("/api/v1/chats", Map.of("name", name, "topic", topic, "anyoneInDanger", false)));
        String id = started.path("contactId").asText();
        chatFile = StaffSession.json(sendFile(
                        "/api/v1/chats/" + id + "/evidence",
                        "X-Chat-Token",
                        started.path("chatToken").asText()))
                .path("attachment")
                .path("evidenceId")
                .asText();
        StaffSession citizen = new StaffSession(port);
        HttpResponse<String> ended = citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + id + "/end"))
                .header("X-Chat-Token", started.path("chatToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(ended.statusCode()).isEqualTo(204);
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        await().atMost(WAIT)
                .until(() ->
                        auditor.get("/api/v1/staff/contacts/" + id + "/chat").statusCode() == 428);
        return id;
    }
}
