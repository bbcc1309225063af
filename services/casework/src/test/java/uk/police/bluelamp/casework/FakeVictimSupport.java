package uk.police.bluelamp.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local victim support service taking referrals in the documented JSON shape (docs/api.md):
 * it records each request with its headers, answers 201 with an id of its own, or 503 for as
 * many requests as it is told to fail.
 */
public final class FakeVictimSupport {

    public static final String API_KEY = "victim-support-test-key";

    public record Received(JsonNode body, Map<String, List<String>> headers) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeVictimSupport instance;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    private FakeVictimSupport() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/referrals", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders())));
            boolean fail = failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (fail ? "{\"error\":\"down\"}" : "{\"id\":\"VS-" + received.size() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public static synchronized FakeVictimSupport get() {
        if (instance == null) {
            instance = new FakeVictimSupport();
        }
        return instance;
    }

    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort() + "/referrals";
    }

    public List<Received> received(String reference) {
        return received.stream()
                .filter(r -> reference.equals(r.body().path("policeReference").asText()))
                .toList();
    }

    public void failNext(int requests) {
        failuresToCome.set(requests);
    }
}
