package uk.police.bluelamp.app.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * Citizens' replies end to end: the test is GOV.UK Notify and the email provider, posting their
 * real JSON shapes with their credentials to the running app; a handler then works what matched
 * no case. Refusals (a wrong token, NUL, 10k characters) store nothing.
 */
class RepliesTest extends IntegrationTest {

    private static final String SMS_TOKEN = "demo-sms-token-not-for-production";
    private static final String EMAIL_TOKEN = "demo-email-token-not-for-production";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void repliesFromVerifiedSendersReachTheirCaseOnceAndTheRestWaitForAHandler() {
        String phone = "07700 9" + (10000 + (int) (Math.random() * 89999));
        String reference = reportedAndCodeSent("SMS", null, phone);
        String address = "reply-" + UUID.randomUUID() + "@example.org";
        String emailed = reportedAndCodeSent("EMAIL", address, null);

        String textId = UUID.randomUUID().toString();
        ObjectNode text =
                notifyText(textId, "44" + phone.replace(" ", "").substring(1), "Any news? I found a witness.");
        assertThat(asNotify("wrong-token", text).statusCode()).isEqualTo(401);
        assertThat(asNotify(null, text).statusCode()).isEqualTo(401);
        assertThat(eventsOf("sms-" + textId))
                .as("a stranger's post stores nothing")
                .isZero();
        assertThat(outcome(asNotify(SMS_TOKEN, text))).isEqualTo("MATCHED");
        assertThat(outcome(asNotify(SMS_TOKEN, text))).as("Notify's retry").isEqualTo("ALREADY_RECEIVED");

        String nulId = UUID.randomUUID().toString();
        HttpResponse<String> nul = asNotify(SMS_TOKEN, notifyText(nulId, "447700900001", "Hello\u0000there"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("message");
        String longId = UUID.randomUUID().toString();
        assertThat(asNotify(SMS_TOKEN, notifyText(longId, "447700900001", "x".repeat(10_000)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(eventsOf("sms-" + nulId) + eventsOf("sms-" + longId)).isZero();

        ObjectNode email = postmark(UUID.randomUUID().toString(), address, "Re: your report " + emailed, "Thank you.");
        assertThat(outcome(asEmailProvider(EMAIL_TOKEN, email))).isEqualTo("MATCHED");
        ObjectNode spoofed = postmark(UUID.randomUUID().toString(), address, "Re: your report", "Ignore that.");
        spoofed.withArray("Headers")
                .removeAll()
                .addObject()
                .put("Name", "Received-SPF")
                .put("Value", "Fail");
        assertThat(outcome(asEmailProvider(EMAIL_TOKEN, spoofed)))
                .as("an address whose sender check failed finds no case")
                .isEqualTo("UNMATCHED");

        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        assertThat(messages(handler, reference)).containsExactly("text message: Any news? I found a witness.");
        assertThat(messages(handler, emailed)).containsExactly("email: Thank you.");

        String strangerId = UUID.randomUUID().toString();
        assertThat(outcome(asNotify(SMS_TOKEN, notifyText(strangerId, "447700900002", "About " + reference))))
                .isEqualTo("UNMATCHED");
        String replyId = "sms-" + strangerId;
        JsonNode waiting = await().until(
                        () -> StaffSession.json(handler.get("/api/v1/staff/replies")),
                        rows -> rows.findValuesAsText("replyId").contains(replyId));
        JsonNode row = waiting.findParents("replyId").stream()
                .filter(r -> r.path("replyId").asText().equals(replyId))
                .findFirst()
                .orElseThrow();
        assertThat(row.path("mentions").get(0).asText()).isEqualTo(reference);
        assertThat(row.path("sender").asText()).isEqualTo("447700900002");
        await().until(() -> jdbc.sql("select count(*) from access_log where subject_id = :id and viewer = 'handler'")
                        .param("id", replyId)
                        .query(Integer.class)
                        .single()
                > 0);

        assertThat(handler.post("/api/v1/staff/replies/" + replyId + "/attach", Map.of("reference", reference))
                        .statusCode())
                .isEqualTo(204);
        assertThat(messages(handler, reference)).hasSize(2).last().isEqualTo("text message: About " + reference);
        await().until(() -> !StaffSession.json(handler.get("/api/v1/staff/replies"))
                .findValuesAsText("replyId")
                .contains(replyId));

        StaffSession admin = StaffSession.signedIn(port, "admin", "blue-lamp-admin");
        HttpResponse<String> erased = admin.post(
                "/api/v1/admin/erasures",
                Map.of("contactId", replyId, "legalBasis", "UK_GDPR_ARTICLE_17", "reason", "Erasure ERA-2026-0160"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        assertThat(StaffSession.json(erased).path("subjects"))
                .as("the reply and the case it was put on: one person")
                .hasSize(2);
    }

    private String reportedAndCodeSent(String channel, String email, String phone) {
        StaffSession citizen = new StaffSession(port);
        ObjectNode report = Api.validReport();
        report.put("updateChannel", channel);
        if (email == null) {
            report.remove("email");
        } else {
            report.put("email", email);
        }
        if (phone != null) {
            report.put("phone", phone);
        }
        JsonNode receipt = StaffSession.json(citizen.post("/api/v1/reports", report));
        String reference = receipt.path("reference").asText();
        HttpResponse<String> sent =
                citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/cases/" + reference + "/send-code"))
                        .header("X-Tracking-Code", receipt.path("trackingCode").asText())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        // The sender is looked up in the case view, which follows the events.
        await().until(() -> jdbc.sql("select count(*) from case_view where reference = :r")
                        .param("r", reference)
                        .query(Integer.class)
                        .single()
                == 1);
        return reference;
    }

    private static ObjectNode notifyText(String id, String from, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("source_number", from);
        body.put("destination_number", "07700900000");
        body.put("message", message);
        body.put("date_received", "2026-12-06T10:15:30.000000Z");
        return body;
    }

    private static ObjectNode postmark(String id, String from, String subject, String reply) {
        ObjectNode body = JSON.createObjectNode();
        body.put("MessageID", id);
        body.put("From", "Sam Smith <" + from + ">");
        body.putObject("FromFull").put("Email", from).put("Name", "Sam Smith").put("MailboxHash", "");
        body.put("To", "replies@force.example");
        body.put("Subject", subject);
        body.put("Date", "Sun, 6 Dec 2026 10:15:30 +0000");
        body.put("TextBody", reply + "\n\nOn 5 Dec, the police wrote:\n> An update on your report");
        body.put("HtmlBody", "<p>" + reply + "</p>");
        body.put("StrippedTextReply", reply);
        body.putArray("Headers").addObject().put("Name", "Received-SPF").put("Value", "Pass (sender SPF authorized)");
        body.putArray("Attachments");
        return body;
    }

    private HttpResponse<String> asNotify(String token, JsonNode body) {
        return post("/api/v1/inbound/text-messages", token == null ? null : "Bearer " + token, body);
    }

    private HttpResponse<String> asEmailProvider(String token, JsonNode body) {
        String basic = Base64.getEncoder().encodeToString(("postmark:" + token).getBytes(StandardCharsets.UTF_8));
        return post("/api/v1/inbound/emails", "Basic " + basic, body);
    }

    /** As a server would: no cookies, no CSRF token, only its credential. */
    private HttpResponse<String> post(String path, String authorization, JsonNode body) {
        StaffSession provider = new StaffSession(port);
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return provider.sendWithoutCsrfToken(request.build());
    }

    private static String outcome(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StaffSession.json(response).path("outcome").asText();
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregate)
                .query(Long.class)
                .single();
    }

    private static List<String> messages(StaffSession handler, String reference) {
        HttpResponse<String> view = handler.send(HttpRequest.newBuilder(handler.uri("/api/v1/staff/cases/" + reference))
                .header("X-Access-Reason", "Reading the citizen's reply")
                .GET()
                .build());
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        return StaffSession.json(view).path("messages").findParents("text").stream()
                .map(m -> m.path("author").asText() + ": " + m.path("text").asText())
                .toList();
    }
}
