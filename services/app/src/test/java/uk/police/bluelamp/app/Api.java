package uk.police.bluelamp.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A client of Blue Lamp's public HTTP API, as the force's website or another system would be. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    public static ObjectNode validReport() {
        ObjectNode report = JSON.createObjectNode();
        report.put("category", "THEFT");
        report.put("description", "My bike was taken from the rack outside the library. " + UUID.randomUUID());
        report.put("location", "High Street, Anytown");
        report.put("occurredOn", LocalDate.now().minusDays(1).toString());
        report.put("occurredTime", "about 3pm");
        report.put("anyoneInDanger", false);
        report.put("name", "Sam Smith");
        report.put("email", "sam@example.com");
        report.put("updateChannel", "EMAIL");
        report.put("updateFrequency", "WEEKLY");
        return report;
    }

    /** A call-back request the service takes: an hour from now, for an hour. */
    public static Map<String, Object> validCallback() {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("name", "Sam");
        callback.put("phone", "01632960001");
        callback.put("topic", "My bike");
        callback.put("windowStart", Instant.now().plusSeconds(3600).toString());
        callback.put("windowEnd", Instant.now().plusSeconds(7200).toString());
        callback.put("anyoneInDanger", false);
        return callback;
    }

    public Response report(JsonNode body) {
        return report(body, null);
    }

    public Response report(JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Response track(String reference, String trackingCode) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + reference + "/tracking"));
        if (trackingCode != null) {
            request.header("X-Tracking-Code", trackingCode);
        }
        return send(request.GET().build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Sends the request; a state-changing one gets the CSRF token from the cookie, as from the force's web pages. */
    public Response send(HttpRequest request) {
        if (CsrfToken.needed(request)) {
            request = CsrfToken.added(request, csrfToken());
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One cookie for every thread using this client: fetched once, by whichever asks first. */
    private synchronized String csrfToken() {
        if (CsrfToken.in(cookies).isEmpty()) {
            get("/api/v1/staff/me");
        }
        return CsrfToken.in(cookies).orElseThrow();
    }

    public String base() {
        return base;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
