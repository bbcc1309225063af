package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
        String reference = StaffSession.json(new StaffSession(port).post("/api/v1/reports", Api.validReport()))
                .path("reference").asText();
        String chatId = endedChat();
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        await().atMost(WAIT).until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);

        List<Row> logged = AccessMatrix.read().rows().stream().filter(Row::logged).toList();
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
                if (unexplained.statusCode() != 428 || !StaffSession.json(unexplained).path("reasonRequired").asBoolean()) {
                    wrong.add(route + " as " + who + " without a reason: " + unexplained.statusCode());
                    continue;
                }
                String reason = "Check " + UUID.randomUUID();
                HttpResponse<String> explained = session.send(HttpRequest.newBuilder(session.uri(path))
                        .header("X-Access-Reason", reason).GET().build());
                if (explained.statusCode() != 200) {
                    wrong.add(route + " as " + who + " with a reason: " + explained.statusCode());
                    continue;
                }
                try {
                    await().atMost(WAIT).until(() -> session.get("/api/v1/audit/access?viewer=" + account).body()
                            .contains(reason));
                } catch (org.awaitility.core.ConditionTimeoutException notLogged) {
                    wrong.add(route + " as " + who + ": no access-log entry");
                }
            }
        }
        assertThat(wrong).as("personal-data routes that do not keep the reason rule or the access log").isEmpty();
    }

    private static String concrete(String route, String reference, String chatId) {
        String path = route.replace("{reference}", reference).replace("{contactId}", chatId);
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

    private String endedChat() {
        JsonNode started = StaffSession.json(new StaffSession(port).post("/api/v1/chats",
                Map.of("name", "Alex", "topic", "A neighbour's dog barks all night", "anyoneInDanger", false)));
        String id = started.path("contactId").asText();
        StaffSession citizen = new StaffSession(port);
        HttpResponse<String> ended = citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/chats/" + id + "/end"))
                .header("X-Chat-Token", started.path("chatToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(ended.statusCode()).isEqualTo(204);
        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        await().atMost(WAIT).until(() -> auditor.get("/api/v1/staff/contacts/" + id + "/chat").statusCode() == 428);
        return id;
    }
}
