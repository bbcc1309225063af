package uk.police.bluelamp.app.audit;

import static org.awaitility.Awaitility.await;
import static uk.police.bluelamp.app.audit.ResourcingBackfillBenchmark.expect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import uk.police.bluelamp.app.StaffSession;

/** The one case {@link CaseHistory} clones a year of, made and worked through the real API. */
final class TemplateCase {

    private TemplateCase() {}

    /**
     * The web report's case worked in the console: viewed, noted, updated, its status changed; a
     * signpost; the victim asks for Victim Support, two replies come by email (the citizen's and a
     * stranger's), the case is resolved and the citizen says how satisfied they were.
     */
    static String work(int port, Connection jdbc, String contactId, String trackingCode) throws Exception {
        String reference;
        try (PreparedStatement sql = jdbc.prepareStatement("select aggregate_identifier from domain_event_entry "
                + "where payload_type like '%.CaseOpened' order by global_index desc limit 1")) {
            reference = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                try (ResultSet row = sql.executeQuery()) {
                                    return row.next() ? row.getString(1) : null;
                                }
                            },
                            r -> r != null);
        }
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        String cases = "/api/v1/staff/cases/" + reference;
        handler.get(cases);
        handler.get("/api/v1/staff/contacts/" + contactId + "/history");
        expect(204, handler.post(cases + "/notes", Map.of("text", "Spoke to the neighbour")));
        expect(204, handler.post(cases + "/updates", Map.of("text", "We have checked the CCTV", "keyDecision", false)));
        expect(204, handler.post(cases + "/status", Map.of("status", "UNDER_REVIEW", "note", "Waiting for CCTV")));
        handler.get(cases);
        expect(204, new StaffSession(port).post("/api/v1/signposts", Map.of("reason", "NOISE")));
        StaffSession citizen = new StaffSession(port);
        String tracked = "/api/v1/cases/" + reference;
        expect(
                204,
                citizen.send(asCitizen(
                        citizen,
                        tracked + "/victim-support",
                        trackingCode,
                        Map.of("consent", "YES", "name", "Sam Taylor", "email", "sam@example.org"))));
        // Two emailed replies: one from the citizen about their report, one from a stranger.
        expect(200, repliedByEmail(port, "sam@example.com", "Re: your report " + reference, "Thank you."));
        expect(200, repliedByEmail(port, "someone@example.net", "Lost cat", "Have you seen my cat?"));
        expect(204, handler.post(cases + "/status", Map.of("status", "RESOLVED", "note", "CCTV checked")));
        try (PreparedStatement asked = jdbc.prepareStatement("select count(*) from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%.SatisfactionRequested'")) {
            asked.setString(1, reference);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (ResultSet row = asked.executeQuery()) {
                    return row.next() && row.getLong(1) > 0;
                }
            });
        }
        expect(
                204,
                citizen.send(asCitizen(
                        citizen,
                        tracked + "/satisfaction",
                        trackingCode,
                        Map.of("satisfaction", "SATISFIED", "comment", "Kept informed"))));
        return reference;
    }

    /** As the inbound email provider posts it (the demo's token; no cookies, no CSRF token). */
    private static HttpResponse<String> repliedByEmail(int port, String from, String subject, String reply) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("MessageID", UUID.randomUUID().toString());
        body.put("From", from);
        body.putObject("FromFull").put("Email", from).put("Name", "").put("MailboxHash", "");
        body.put("To", "replies@force.example");
        body.put("Subject", subject);
        body.put("Date", "Sun, 6 Dec 2026 10:15:30 +0000");
        body.put("TextBody", reply);
        body.put("StrippedTextReply", reply);
        body.putArray("Headers").addObject().put("Name", "Received-SPF").put("Value", "Pass");
        body.putArray("Attachments");
        String basic = Base64.getEncoder()
                .encodeToString("provider:demo-email-token-not-for-production".getBytes(StandardCharsets.UTF_8));
        StaffSession provider = new StaffSession(port);
        return provider.sendWithoutCsrfToken(HttpRequest.newBuilder(provider.uri("/api/v1/inbound/emails"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    private static HttpRequest asCitizen(StaffSession citizen, String path, String trackingCode, Object body)
            throws Exception {
        return HttpRequest.newBuilder(citizen.uri(path))
                .header("Content-Type", "application/json")
                .header("X-Tracking-Code", trackingCode)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
                .build();
    }
}
