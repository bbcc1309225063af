package uk.police.bluelamp.app.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.police.bluelamp.app.StaffSession;

/**
 * The production limits from application.yml, unchanged, in a context (and database) of its own
 * that every limits test shares: the shared test context allows volume. This machine is an
 * internal proxy to Tomcat, so each test speaks for invented clients through X-Forwarded-For,
 * which is also what a proxy would send; each test uses addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProductionLimits {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    private StaffSession citizen;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("bluelamp.data-dir", ProductionLimits::freshDataDir);
    }

    HttpRequest.Builder post(String path, String json) {
        return write("POST", path, json);
    }

    HttpRequest.Builder write(String method, String path, String json) {
        return HttpRequest.newBuilder(citizen().uri(path))
                .header("X-XSRF-TOKEN", citizen().csrfToken())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(citizen().uri(path)).GET();
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return citizen().send(request.build());
    }

    /** A browser's session: it holds the XSRF-TOKEN cookie, so writes carry the token as a browser's would. */
    StaffSession citizen() {
        if (citizen == null) {
            citizen = new StaffSession(port);
            citizen.get("/api/v1/staff/me");
        }
        return citizen;
    }

    private static String freshDataDir() {
        try {
            Path target = Paths.get("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "it-ratelimit-")
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
