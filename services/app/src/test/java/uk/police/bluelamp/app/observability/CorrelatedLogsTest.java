package uk.police.bluelamp.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;
import uk.police.bluelamp.app.logging.JsonLines;

/**
 * The production profile's log lines (JSON, logback-spring.xml), captured from the running app
 * while a handler publishes an update with a known correlation id: the request's lines and the
 * lines of the event handler that delivers the update on another thread carry that id, every
 * line is one JSON object, and a value from a request cannot forge a line or leak a credential.
 */
class CorrelatedLogsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUESTS = "org.springframework.web.servlet.DispatcherServlet";
    /** Spring's line per STOMP message it hands to a @MessageMapping method. */
    private static final String FRAMES =
            "org.springframework.web.socket.messaging.WebSocketAnnotationMethodMessageHandler";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Level requestsLevel;
    private Level framesLevel;

    /** The same encoder and format the production profile's console appender has. */
    @BeforeEach
    void captureJsonLines() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logging);
        encoder.setFormat(JsonLines.class.getName());
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(logging);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        // Spring's line per request, which an operator turns on to follow requests.
        requestsLevel = logging.getLogger(REQUESTS).getLevel();
        logging.getLogger(REQUESTS).setLevel(Level.DEBUG);
        framesLevel = logging.getLogger(FRAMES).getLevel();
        logging.getLogger(FRAMES).setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(REQUESTS).setLevel(requestsLevel);
        logging.getLogger(FRAMES).setLevel(framesLevel);
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    @Test
    void oneIdTiesAStaffRequestToTheLinesOfTheHandlerOfItsEvent() throws Exception {
        ObjectNode report = Api.validReport();
        report.put("updateChannel", "SMS");
        report.put("phone", "07700 900734");
        String reportId = UUID.randomUUID().toString();
        Api.Response created = api().send(HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/reports"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", reportId)
                .POST(HttpRequest.BodyPublishers.ofString(report.toString()))
                .build());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("X-Correlation-Id")).contains(reportId);
        String reference = created.text("reference");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8') like :id")
                        .param("id", "%\"correlationId\":\"" + reportId + "\"%")
                        .query(Long.class)
                        .single())
                .as("the report's events carry the request's id")
                .isGreaterThanOrEqualTo(2);

        StaffSession handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        String id = UUID.randomUUID().toString();
        FakeNotify.get().failNext(1);
        var published =
                handler.send(HttpRequest.newBuilder(handler.uri("/api/v1/staff/cases/" + reference + "/updates"))
                        .header("Content-Type", "application/json")
                        .header("X-Correlation-Id", id)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"An update\"}"))
                        .build());
        assertThat(published.statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(lines())
                        .anyMatch(line -> line.path("logger").asText().endsWith("CitizenUpdates")
                                && line.path("correlationId").asText().equals(id)));
        List<JsonNode> withId = lines().stream()
                .filter(line -> id.equals(line.path("correlationId").asText()))
                .toList();
        assertThat(withId)
                .as("the request's own lines")
                .anyMatch(line -> line.path("logger").asText().equals(REQUESTS)
                        && line.path("message").asText().startsWith("POST"));
        assertThat(withId.stream().map(line -> line.path("thread").asText()).distinct())
                .as("the request's lines and the handler's are on different threads")
                .hasSizeGreaterThan(1);
        assertThat(lines())
                .filteredOn(line -> line.path("logger").asText().equals(REQUESTS)
                        && line.path("message").asText().matches("(GET|POST|PUT|DELETE) \".*|Completed \\d.*"))
                .as("every line of every request carries its id")
                .isNotEmpty()
                .allMatch(line -> line.hasNonNull("correlationId"));
    }

    @Test
    void aStompMessageHasItsOwnIdOnItsLinesAndOnTheEventsOfTheCommandItSent() throws Exception {
        JsonNode chat = StaffSession.json(new StaffSession(port)
                .post("/api/v1/chats", Map.of("name", "Logs", "topic", "A noisy neighbour", "anyoneInDanger", false)));
        String contactId = chat.path("contactId").asText();
        String token = chat.path("chatToken").asText();
        try (Stomp citizen = Stomp.citizen(port)) {
            Stomp.Inbox messages = citizen.subscribe("/topic/chat." + contactId, token);
            citizen.send("/app/chat." + contactId + ".send", token, Map.of("clientMessageId", "l-1", "text", "Hello?"));
            messages.await(m -> m.path("type").asText().equals("message"), Duration.ofSeconds(20));
        }
        JsonNode handled = lines().stream()
                .filter(line -> line.path("logger").asText().equals(FRAMES)
                        && line.path("message").asText().contains("/app/chat." + contactId + ".send"))
                .findFirst()
                .orElseThrow();
        String id = handled.path("correlationId").asText();
        assertThat(id).isNotBlank();
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :contact "
                                + "and convert_from(meta_data, 'UTF8') like :id")
                        .param("contact", contactId)
                        .param("id", "%\"correlationId\":\"" + id + "\"%")
                        .query(Long.class)
                        .single())
                .as("the chat message's event carries the frame's id")
                .isEqualTo(1);
        StaffSession citizenHttp = new StaffSession(port);
        citizenHttp.send(HttpRequest.newBuilder(citizenHttp.uri("/api/v1/chats/" + contactId + "/end"))
                .header("X-Chat-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void aJsonLineCannotBeForgedOrCarryACredential() throws Exception {
        String secret = "tok" + UUID.randomUUID().toString().replace("-", "");
        org.slf4j.Logger log = LoggerFactory.getLogger(CorrelatedLogsTest.class);
        for (String lineBreak : List.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000b")) {
            log.warn("Value from a request: {}", "before" + lineBreak + "{\"level\":\"ERROR\",\"message\":\"FORGED\"}");
        }
        log.warn("Headers: Cookie: JSESSIONID={}; X-Chat-Token: {}", secret, secret);
        log.error("A failure", new IllegalStateException("bad\r\n{\"message\":\"FORGED\"} password=" + secret));

        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain(secret);
        assertThat(out.chars().filter(c -> c > 0x7e || (c < 0x20 && c != '\n')))
                .as("only printable ASCII and line ends")
                .isEmpty();
        List<JsonNode> lines = lines();
        assertThat(lines).noneMatch(line -> line.path("message").asText().equals("FORGED"));
        assertThat(lines)
                .filteredOn(line -> line.path("message").asText().startsWith("Value from a request"))
                .hasSize(7)
                .allMatch(line -> line.path("message").asText().contains("before\\"));
        JsonNode failure = lines.stream()
                .filter(line -> line.path("message").asText().equals("A failure"))
                .findFirst()
                .orElseThrow();
        assertThat(failure.path("stack_trace").asText())
                .contains("java.lang.IllegalStateException: bad\\r\\n")
                .contains("\n\tat ");
    }

    /** Each captured line, parsed: one that is not a JSON object fails the test. */
    private List<JsonNode> lines() throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            parsed.add(node);
        }
        return parsed;
    }
}
