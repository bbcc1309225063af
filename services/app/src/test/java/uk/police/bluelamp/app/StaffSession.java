package uk.police.bluelamp.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser-like session, a member of staff's or (unsigned in) a citizen's: cookies kept, the
 * CSRF token sent back as a header on every state-changing request, as the single-page app does.
 */
public final class StaffSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public StaffSession(int port) {
        this(port, new CookieManager());
    }

    private StaffSession(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** The same browser, its cookies shared, talking to another node: as through a round-robin proxy. */
    public StaffSession onNode(int otherPort) {
        return new StaffSession(otherPort, cookies);
    }

    public static StaffSession signedIn(int port, String username, String password) {
        StaffSession session = new StaffSession(port);
        int status = session.signIn(username, password);
        if (status != 200) {
            throw new IllegalStateException(username + " could not sign in: " + status);
        }
        return session;
    }

    public int signIn(String username, String password) {
        get("/api/v1/staff/me");
        return send(HttpRequest.newBuilder(uri("/api/v1/staff/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", csrfToken())
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password))
                        .build())
                .statusCode();
    }

    /**
     * A sign-in through the form at {@code path} from a browser of its own, as the given client
     * address (behind the proxy): so no sign-in changes another test's session.
     */
    public static HttpResponse<String> signInFrom(
            int port, String path, String username, String password, String client) {
        StaffSession browser = new StaffSession(port);
        return browser.send(HttpRequest.newBuilder(browser.uri(path))
                .header("X-XSRF-TOKEN", browser.csrfToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> post(String path, Object body) {
        return write("POST", path, body);
    }

    public HttpResponse<String> put(String path, Object body) {
        return write("PUT", path, body);
    }

    private HttpResponse<String> write(String method, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form post, as the telephony platform's webhook sends one. */
    public HttpResponse<String> postForm(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Sends the request; a state-changing one without the CSRF header gets it, as from the app. */
    public HttpResponse<String> send(HttpRequest request) {
        if (CsrfToken.needed(request)) {
            request = CsrfToken.added(request, csrfToken());
        }
        return sendWithoutCsrfToken(request);
    }

    /** A download: the answer's bytes as they are. */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends exactly this request, as another site's forged form or script would. */
    public HttpResponse<String> sendWithoutCsrfToken(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The current token; as the app does, asks for one when there is none (signing in replaces
     * it). One browser asks once at a time: two requests racing from it would each be given a
     * token, and the one whose cookie was overwritten would be refused (403).
     */
    public String csrfToken() {
        // Not the CookieManager itself: its own methods lock it, from the HTTP client's threads too.
        synchronized (cookies.getCookieStore()) {
            if (csrfCookie().isEmpty()) {
                get("/api/v1/staff/me");
            }
            return csrfCookie().orElseThrow();
        }
    }

    private Optional<String> csrfCookie() {
        return CsrfToken.in(cookies);
    }

    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
