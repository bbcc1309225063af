package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.StaffSession;

/**
 * Blue Lamp as a force runs it, outside the demo profile, with its staff signing in through
 * their identity provider (a local fake speaking real OpenID Connect). Its own application
 * context and database, closed afterwards: the other tests run the demo.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Outside the demo the app starts only on strong secrets; these were made for this test alone
            // with openssl rand -hex 32, -base64 16 and -hex 16, as the README tells a force to.
            "bluelamp.secrets.tracking-code-pepper=0c05b7544fdefd57b43800756ce52c5c7018c0845e2dc5fa99732895d36804a7",
            "bluelamp.cti.token=WZRxtLtuDmcQas5Ksztlfg==",
            "bluelamp.notify.api-key=" + FakeNotify.API_KEY,
            "bluelamp.secrets.personal-data-kek=c86ebc746269d3caf1b9a1aae2438bd6",
            "spring.security.oauth2.client.registration.entra.client-id=" + FakeOpenIdProvider.CLIENT_ID,
            "spring.security.oauth2.client.registration.entra.client-secret=" + FakeOpenIdProvider.CLIENT_SECRET,
            "spring.security.oauth2.client.registration.entra.scope=openid",
        })
@ActiveProfiles("production")
@DirtiesContext
class OidcSignInTest {

    private static final FakeOpenIdProvider ENTRA = new FakeOpenIdProvider();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void forceIdentityProvider(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.security.oauth2.client.provider.entra.issuer-uri", ENTRA::issuer);
        registry.add("bluelamp.notify.base-url", () -> FakeNotify.get().baseUrl());
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path dataDir = Files.createTempDirectory(target.toAbsolutePath(), "it-oidc-data-");
        registry.add("bluelamp.data-dir", dataDir::toString);
    }

    @AfterAll
    static void stopProvider() {
        ENTRA.close();
    }

    @Test
    void aHandlerSignsInWithTheirForceAccountAndGetsTheRoleTheTokenNames() {
        ENTRA.signsInNext("pc.jones", "HANDLER");
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.signInWithForceAccount();

        assertThat(landed.headers().firstValue("Location")).hasValue(url("/staff"));
        JsonNode me = StaffSession.json(browser.get("/api/v1/staff/me"));
        assertThat(me.path("username").asText()).isEqualTo("pc.jones");
        assertThat(me.path("roles").toString()).isEqualTo("[\"HANDLER\"]");
        assertThat(browser.get("/api/v1/staff/queues").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/v1/audit/events").statusCode())
                .as("an auditor's page")
                .isEqualTo(403);
    }

    @Test
    void anAccountWithNoBlueLampRoleIsRefusedAtSignIn() {
        ENTRA.signsInNext("someone.else");
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.signInWithForceAccount();

        assertThat(landed.headers().firstValue("Location")).hasValue(url(SecurityConfiguration.FORCE_ACCOUNT_REFUSED));
        assertThat(browser.get("/api/v1/staff/me").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/v1/staff/queues").statusCode()).isEqualTo(401);
    }

    @Test
    void theDemoPasswordFormAndAccountsAreNotThere() {
        Browser browser = new Browser();
        JsonNode options = StaffSession.json(browser.get("/api/v1/staff/sign-in-options"));
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(url("/api/v1/staff/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", browser.cookies.get("__Host-XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=handler&password=blue-lamp-handler"))
                .build());

        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/v1/staff/me").statusCode()).isEqualTo(401);
        assertThat(options.path("password").asBoolean()).isFalse();
        assertThat(options.path("forceAccount").asText()).isEqualTo("/oauth2/authorization/entra");
    }

    @Test
    void outsideTheDemoTheSessionCookieIsOnlyEverSentOverHttps() {
        ENTRA.signsInNext("sgt.patel", "SUPERVISOR");
        Browser browser = new Browser();
        browser.signInWithForceAccount();
        assertThat(browser.setCookies)
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite=Strict"));
        assertThat(browser.setCookies)
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("__Host-XSRF-TOKEN=")
                        .contains("Secure")
                        .contains("Path=/;")
                        .doesNotContain("Domain"));
    }

    @Test
    void afterSigningInTheAppWritesWithAFreshTokenAndTheOneFromBeforeNoLongerWorks() {
        ENTRA.signsInNext("pc.singh", "HANDLER");
        Browser browser = new Browser();
        browser.get("/api/v1/staff/me");
        String before = browser.cookies.get("__Host-XSRF-TOKEN");
        browser.signInWithForceAccount();

        assertThat(availability(browser, before).statusCode())
                .as("the token from before signing in")
                .isEqualTo(403);
        // As the app does: no usable cookie, so it asks /me for one, then writes with it.
        browser.get("/api/v1/staff/me");
        String after = browser.cookies.get("__Host-XSRF-TOKEN");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(availability(browser, after).statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> availability(Browser browser, String token) {
        return browser.send(HttpRequest.newBuilder(URI.create(url("/api/v1/staff/availability")))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"AVAILABLE\"}"))
                .build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Follows redirects one at a time and keeps cookies itself: as a browser behind the force's
     * TLS proxy, it sends the Secure cookies back although this test speaks plain HTTP.
     */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        final List<String> setCookies = new ArrayList<>();

        /** From the sign-in button to the app's last redirect, which is returned. */
        HttpResponse<String> signInWithForceAccount() {
            HttpResponse<String> response = get("/oauth2/authorization/entra");
            for (int hop = 0; hop < 5; hop++) {
                int status = response.statusCode();
                String location = response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new AssertionError("no redirect: " + status));
                if (!location.startsWith(ENTRA.issuer()) && !location.contains("/login/oauth2/code/")) {
                    return response;
                }
                response =
                        send(HttpRequest.newBuilder(URI.create(location)).GET().build());
            }
            throw new AssertionError("too many redirects");
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
            boolean toTheApp = request.uri().getPort() == port;
            if (toTheApp && !cookies.isEmpty()) {
                withCookies.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
                if (toTheApp) {
                    keep(response);
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void keep(HttpResponse<String> response) {
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                setCookies.add(cookie);
                String pair = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                if (cookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, pair.substring(pair.indexOf('=') + 1));
                }
            }
        }
    }
}
