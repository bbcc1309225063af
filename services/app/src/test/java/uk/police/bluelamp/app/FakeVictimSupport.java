package uk.police.bluelamp.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local victim support service for the browser journeys: it takes referrals in the documented
 * JSON shape (docs/api.md) at /referrals, answering 201 with an id, and lists what it took at
 * /received so the journey can see its referral arrive.
 */
public final class FakeVictimSupport {

    private static FakeVictimSupport instance;

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private FakeVictimSupport() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/referrals", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 201, "{\"id\":\"VS-" + received.size() + "\"}");
        });
        server.createContext("/received", exchange -> respond(exchange, 200, "[" + String.join(",", received) + "]"));
        server.start();
    }

    public static synchronized FakeVictimSupport get() {
        if (instance == null) {
            instance = new FakeVictimSupport();
        }
        return instance;
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
