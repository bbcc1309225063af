package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/** CSRF, security headers and the session cookie, as a browser (or a forging site) meets them. */
class WebSecurityTest extends IntegrationTest {

    @Test
    void aPublicWriteWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        StaffSession citizen = new StaffSession(port);
        JsonNode created = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        String reference = created.path("reference").asText();
        // The case is opened from the report a moment later; count once it is.
        await().until(() ->
                api().track(reference, created.path("trackingCode").asText()).status() == 200);
        String[] kinds = {"ContactReceived", "CaseOpened", "CallbackRequested", "UpdatePreferenceChanged"};
        long events = stored(kinds);

        HttpResponse<String> report = citizen.sendWithoutCsrfToken(
                json("POST", "/api/v1/reports", Api.validReport().toString()).build());
        HttpResponse<String> preference = citizen.sendWithoutCsrfToken(
                json("PUT", "/api/v1/cases/" + reference + "/update-preference", "{\"updateChannel\":\"NONE\"}")
                        .header("X-Tracking-Code", created.path("trackingCode").asText())
                        .build());
        HttpResponse<String> callback = citizen.sendWithoutCsrfToken(
                json("POST", "/api/v1/callbacks", "{\"name\":\"Sam\",\"phone\":\"07700 900123\"}")
                        .build());

        assertThat(List.of(report.statusCode(), preference.statusCode(), callback.statusCode()))
                .containsOnly(403);
        assertThat(stored(kinds))
                .as("reports, call-backs and preference changes stored")
                .isEqualTo(events);
    }

    @Test
    void aStaffWriteWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        long events = stored("HandlerAvailabilityChanged");
        HttpResponse<String> forged =
                handler.sendWithoutCsrfToken(json("PUT", "/api/v1/staff/availability", "{\"status\":\"AVAILABLE\"}")
                        .header("X-XSRF-TOKEN", "guessed")
                        .build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(stored("HandlerAvailabilityChanged")).isEqualTo(events);
    }

    @Test
    void everyPageCarriesStrictSecurityHeaders() {
        HttpResponse<String> page = new StaffSession(port).get("/track");
        String csp = header(page, "Content-Security-Policy");
        String scripts = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
        assertThat(scripts).isEqualTo("script-src 'self'");
        assertThat(csp)
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'");
        assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(page, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(page, "Permissions-Policy")).contains("camera=()");
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS over plain HTTP")
                .isEmpty();
    }

    @Test
    void httpsAsReportedByTheProxyGetsHstsForAYearWithSubdomains() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/track"))
                                .header("X-Forwarded-Proto", "https")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(header(page, "Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsIt() {
        StaffSession handler = new StaffSession(port);
        // A protected page remembered for after sign-in makes an anonymous session: the id a
        // fixation attack would plant.
        HttpResponse<String> anonymous = handler.get("/api/v1/staff/queues");
        String before = sessionCookie(anonymous).orElseThrow();

        handler.signIn("handler", "blue-lamp-handler");
        String after = handler.cookieHeader();
        assertThat(after).contains("JSESSIONID=").doesNotContain(before.substring(0, before.indexOf(';')));
        assertThat(withCookies(before.substring(0, before.indexOf(';')), "/api/v1/staff/me")
                        .statusCode())
                .isEqualTo(401);
        assertThat(withCookies(after, "/api/v1/staff/me").statusCode()).isEqualTo(200);

        assertThat(handler.post("/api/v1/staff/logout", null).statusCode()).isEqualTo(204);
        assertThat(withCookies(after, "/api/v1/staff/me").statusCode())
                .as("the old session cookie after sign-out")
                .isEqualTo(401);
    }

    @Test
    void cookiesAreHttpOnlyAndSameSiteStrictAndTheCsrfOneReadableByTheApp() {
        StaffSession session = new StaffSession(port);
        HttpResponse<String> anonymous = session.get("/api/v1/staff/queues");
        String sessionCookie = sessionCookie(anonymous).orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Strict");
        String csrf = anonymous.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst()
                .orElseThrow();
        assertThat(csrf).contains("SameSite=Strict").doesNotContain("HttpOnly");
    }

    @Test
    void thereAreNoGeneratedSignInOrSignOutPages() {
        StaffSession browser = new StaffSession(port);
        assertThat(browser.get("/login").statusCode()).isEqualTo(404);
        assertThat(browser.get("/logout").statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoOffersThePasswordFormAndNoForceAccount() {
        JsonNode options = StaffSession.json(new StaffSession(port).get("/api/v1/staff/sign-in-options"));
        assertThat(options.path("password").asBoolean()).isTrue();
        assertThat(options.path("forceAccount").isNull()).isTrue();
    }

    private HttpRequest.Builder json(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> withCookies(String cookies, String path) {
        StaffSession fresh = new StaffSession(port);
        return fresh.sendWithoutCsrfToken(HttpRequest.newBuilder(fresh.uri(path))
                .header("Cookie", cookies)
                .GET()
                .build());
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    /** Events of these kinds: what a forged request would have stored had it got through. */
    private long stored(String... payloadTypes) {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type ~ :kinds")
                .param("kinds", "\\.(" + String.join("|", payloadTypes) + ")$")
                .query(Long.class)
                .single();
    }
}
