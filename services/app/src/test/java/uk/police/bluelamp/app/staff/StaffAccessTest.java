package uk.police.bluelamp.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

class StaffAccessTest extends IntegrationTest {

    @Test
    void aHandlerSignsInAndFindsTheNewReportInTheWebQueueAndReadsIt() throws Exception {
        Api.Response created = api().report(Api.validReport());
        String reference = created.text("reference");
        StaffSession handler = new StaffSession(port);

        assertThat(handler.signIn("handler", "blue-lamp-handler")).isEqualTo(200);
        JsonNode me = json(handler.get("/api/v1/staff/me").body());
        assertThat(me.path("roles").get(0).asText()).isEqualTo("HANDLER");

        JsonNode entry = await().until(() -> findInQueue(handler, reference), n -> n != null);
        assertThat(entry.path("categoryLabel").asText()).isNotBlank();
        assertThat(entry.has("summary") || entry.has("location"))
                .as("the queue shows no citizen's words")
                .isFalse();
        HttpResponse<String> contact =
                handler.get("/api/v1/staff/contacts/" + entry.path("contactId").asText());
        assertThat(contact.statusCode()).isEqualTo(200);
        assertThat(json(contact.body()).path("email").asText()).isEqualTo("sam@example.com");
        assertThat(json(contact.body()).path("description").asText()).startsWith("My bike was taken");
    }

    @Test
    void theQueueIsClosedToTheAnonymousPublic() {
        assertThat(api().get("/api/v1/staff/queues/web").status()).isEqualTo(401);
        assertThat(api().get("/api/v1/staff/contacts/00000000-0000-0000-0000-000000000000")
                        .status())
                .isEqualTo(401);
        assertThat(api().get("/api/v1/staff/me").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        assertThat(new StaffSession(port).signIn("handler", "guess")).isEqualTo(401);
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() throws Exception {
        StaffSession session = new StaffSession(port);
        HttpResponse<String> response =
                session.sendWithoutCsrfToken(HttpRequest.newBuilder(session.uri("/api/v1/staff/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=handler&password=blue-lamp-handler"))
                        .build());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anAuditorReadsTheQueueButCannotWorkIt() throws Exception {
        StaffSession auditor = new StaffSession(port);
        assertThat(auditor.signIn("auditor", "blue-lamp-auditor")).isEqualTo(200);
        assertThat(auditor.get("/api/v1/staff/queues/web").statusCode()).isEqualTo(200);
        assertThat(auditor.post("/api/v1/staff/availability", "{\"availability\":\"AVAILABLE\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anUnknownContactIsNotFound() throws Exception {
        StaffSession supervisor = new StaffSession(port);
        supervisor.signIn("supervisor", "blue-lamp-supervisor");
        assertThat(supervisor
                        .get("/api/v1/staff/contacts/00000000-0000-0000-0000-000000000000")
                        .statusCode())
                .isEqualTo(404);
        assertThat(supervisor.get("/api/v1/staff/contacts/not-a-contact").statusCode())
                .isEqualTo(404);
    }

    @Test
    void deepLinksIntoTheAppServeThePage() {
        Api.Response page = api().get("/track");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("<div id=\"root\"");
    }

    private static JsonNode findInQueue(StaffSession session, String reference) throws Exception {
        for (JsonNode entry : json(session.get("/api/v1/staff/queues/web").body())) {
            if (entry.path("reference").asText().equals(reference)) {
                return entry;
            }
        }
        return null;
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }
}
