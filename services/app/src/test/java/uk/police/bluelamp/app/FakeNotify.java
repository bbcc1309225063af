package uk.police.bluelamp.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for GOV.UK Notify's HTTP API (POST /v2/notifications/email and /sms), so
 * the real Notify Java client is exercised end to end. It insists on a bearer token, records
 * what it was sent, and can be told to fail the next requests as Notify does when it is down.
 */
public final class FakeNotify {

    public static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
    public static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public static final String API_KEY = "blue_lamp_test-" + SERVICE_ID + "-" + SECRET;
    public static final String EMAIL_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    public static final String SMS_TEMPLATE = "0c1c6f3c-4b8a-4f69-9b3e-2b3b2c6f9d11";
    public static final String CODE_EMAIL_TEMPLATE = "7d1f2c1e-5b0a-4c55-9a51-0f6c0b1f7a21";
    public static final String CODE_SMS_TEMPLATE = "a4c5e0d2-3f7b-4e8e-8d2a-6b9f1c3e5d40";
    public static final String TRANSCRIPT_EMAIL_TEMPLATE = "5e2b8c4a-9d1f-4a3e-b6c7-2f0e8d9a1b35";
    /** The only Welsh template the tests configure: the others fall back to the English. */
    public static final String WELSH_CODE_EMAIL_TEMPLATE = "3b9e1d7c-6a2f-4c8b-9e5d-1f4a7c2b8e60";

    public record Sent(String kind, JsonNode body, String authorization) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeNotify instance;

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    private FakeNotify() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v2/notifications/email", exchange -> handle(exchange, "email"));
        server.createContext("/v2/notifications/sms", exchange -> handle(exchange, "sms"));
        server.start();
    }

    public static synchronized FakeNotify get() {
        if (instance == null) {
            instance = new FakeNotify();
        }
        return instance;
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public void failNext(int requests) {
        failuresToCome.set(requests);
    }

    private void handle(HttpExchange exchange, String kind) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            respond(
                    exchange,
                    403,
                    "{\"errors\":[{\"error\":\"AuthError\",\"message\":\"Unauthorized\"}],\"status_code\":403}");
            return;
        }
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(
                    exchange,
                    500,
                    "{\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}],\"status_code\":500}");
            return;
        }
        sent.add(new Sent(kind, body, authorization));
        String id = UUID.randomUUID().toString();
        String template = body.path("template_id").asText();
        String content = kind.equals("email")
                ? "{\"body\":\"There is an update\",\"subject\":\"Update on your report\",\"from_email\":\"police@notifications.example\"}"
                : "{\"body\":\"There is an update\",\"from_number\":\"BlueLamp\"}";
        respond(
                exchange,
                201,
                "{\"id\":\"" + id + "\",\"reference\":"
                        + JSON.writeValueAsString(body.path("reference").asText())
                        + ",\"content\":" + content + ",\"uri\":\"" + baseUrl() + "/v2/notifications/" + id + "\","
                        + "\"template\":{\"id\":\"" + template + "\",\"version\":1,\"uri\":\"" + baseUrl()
                        + "/templates/" + template + "\"}}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
