package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/**
 * CSRF tokens are the server's to make: a pair the client invents, a token in the query string
 * and a staff token carried into another session are all refused, and behind HTTPS the cookie
 * is a __Host- cookie no sibling domain can plant.
 */
class CsrfTokensTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPairTheClientInventsIsRefused() throws Exception {
        long reports = reports();
        HttpResponse<String> forged = http.send(
                report("/api/v1/reports")
                        .header("Cookie", "XSRF-TOKEN=attacker")
                        .header("X-XSRF-TOKEN", "attacker")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(reports()).isEqualTo(reports);
    }

    @Test
    void theTokenIsAcceptedFromTheHeaderOnlyNotFromTheQueryString() throws Exception {
        StaffSession citizen = new StaffSession(port);
        citizen.get("/api/v1/staff/me");
        String token = citizen.csrfToken();
        HttpResponse<String> inQuery = citizen.sendWithoutCsrfToken(
                report("/api/v1/reports?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                        .build());
        assertThat(inQuery.statusCode()).isEqualTo(403);
        HttpResponse<String> inHeader = citizen.sendWithoutCsrfToken(
                report("/api/v1/reports").header("X-XSRF-TOKEN", token).build());
        assertThat(inHeader.statusCode()).isEqualTo(201);
    }

    @Test
    void aStaffTokenFromOneSessionFailsInAnother() throws Exception {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        StaffSession supervisor = StaffSession.signedIn(port, "supervisor", "blue-lamp-supervisor");
        handler.get("/api/v1/staff/me");
        String handlersToken = handler.csrfToken();
        assertThat(handler.put("/api/v1/staff/availability", Map.of("status", "AVAILABLE"))
                        .statusCode())
                .as("in its own session")
                .isEqualTo(204);

        HttpResponse<String> carried = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff/availability"))
                        .header("Cookie", sessionCookie(supervisor) + "; XSRF-TOKEN=" + handlersToken)
                        .header("X-XSRF-TOKEN", handlersToken)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"AWAY\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(carried.statusCode()).isEqualTo(403);

        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", sessionCookie(supervisor) + "; XSRF-TOKEN=" + handlersToken);
        handshake.setOrigin(base());
        StompHeaders connect = new StompHeaders();
        connect.add("X-XSRF-TOKEN", handlersToken);
        boolean connected;
        try (Stomp socket = Stomp.connect(port, handshake, connect)) {
            connected = socket.connected();
        } catch (Exception refused) {
            connected = false;
        }
        assertThat(connected).as("a staff socket with another session's token").isFalse();
        try (Stomp own = Stomp.staff(port, supervisor)) {
            assertThat(own.connected()).as("with its own").isTrue();
        }
    }

    @Test
    void behindHttpsTheCookieIsHostPrefixedSecureForTheWholeSiteAndTheHttpDemoKeepsItsName() throws Exception {
        HttpResponse<String> https = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff/me"))
                        .header("X-Forwarded-Proto", "https")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = xsrfCookie(https.headers().allValues("Set-Cookie"));
        assertThat(cookie)
                .startsWith("__Host-XSRF-TOKEN=")
                .contains("; Secure")
                .contains("Path=/;")
                .contains("SameSite=Strict")
                .doesNotContain("Domain")
                .doesNotContain("HttpOnly");

        HttpResponse<String> http = this.http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/staff/me"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(xsrfCookie(http.headers().allValues("Set-Cookie")))
                .startsWith("XSRF-TOKEN=")
                .doesNotContain("Secure");

        // Behind HTTPS only the __Host- cookie is read: one planted under the plain name is not.
        String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        HttpResponse<String> planted = this.http.send(
                report("/api/v1/reports")
                        .header("X-Forwarded-Proto", "https")
                        .header("Cookie", "XSRF-TOKEN=" + token)
                        .header("X-XSRF-TOKEN", token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(planted.statusCode()).isEqualTo(403);
        HttpResponse<String> hostCookie = this.http.send(
                report("/api/v1/reports")
                        .header("X-Forwarded-Proto", "https")
                        .header("Cookie", "__Host-XSRF-TOKEN=" + token)
                        .header("X-XSRF-TOKEN", token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hostCookie.statusCode()).isEqualTo(201);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpRequest.Builder report(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.validReport().toString()));
    }

    private static String sessionCookie(StaffSession session) {
        return Arrays.stream(session.cookieHeader().split("; "))
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
    }

    private static String xsrfCookie(List<String> setCookies) {
        return setCookies.stream()
                .filter(c -> c.contains("XSRF-TOKEN="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF cookie in " + setCookies));
    }

    private long reports() {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type like '%ContactReceived'")
                .query(Long.class)
                .single();
    }
}
