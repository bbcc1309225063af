package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.RawStomp;
import uk.police.bluelamp.platform.refusals.Refusals;

/**
 * The application log is evidence: a value from a request must not be able to write a line of
 * its own into it, secrets must not reach it, and a flood of refused frames must not flood it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogSafetyTest extends IntegrationTest {

    /** What a forged line would start with: a timestamp no real line of this run has. */
    private static final String FORGED = "2020-01-01T00:00:00.000Z ERROR 1 --- [blue-lamp] [main] FORGED";

    private static final String TOKEN = "tok" + UUID.randomUUID().toString().replace("-", "");
    private static final List<String> BREAKS = List.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u000b", "\u000c");

    @Autowired
    private Refusals refusals;

    @Test
    void aLoggedValueCannotStartALineOfItsOwnButAStackTraceKeepsItsLines(CapturedOutput output) {
        Logger log = LoggerFactory.getLogger(LogSafetyTest.class);
        for (String lineBreak : BREAKS) {
            log.warn("Value from a request: {}", "before" + lineBreak + FORGED + "\u001b[31m");
        }
        log.error(
                "A failure carrying a request value",
                new IllegalStateException(
                        "bad input" + "\r\n" + FORGED, new IllegalArgumentException("cause" + "\n" + FORGED)));

        assertNoForgedLine(output);
        assertThat(output.getOut())
                .contains("before\\n" + FORGED)
                .contains("before\\r\\n" + FORGED)
                .contains("before\\u0085" + FORGED)
                .contains("before\\u2028" + FORGED)
                .contains("\\u001b[31m")
                .doesNotContain("\u001b[31m");
        List<String> lines = Arrays.asList(output.getOut().split("\\R"));
        int thrown = indexOfLineContaining(lines, "java.lang.IllegalStateException: bad input\\r\\n" + FORGED);
        assertThat(lines.get(thrown + 1))
                .as("the stack trace keeps its own lines")
                .startsWith("\tat ");
        assertThat(lines)
                .anyMatch(line -> line.startsWith("Caused by: java.lang.IllegalArgumentException: cause\\n" + FORGED));
    }

    @Test
    void requestValuesWithLineBreaksAndSecretsNeverReachTheLogAsSuch(CapturedOutput output) throws Exception {
        // HTTP: the header bytes Tomcat lets through (tab and obs-text), query strings, JSON bodies.
        rawHttp("GET /api/v1/staff/contacts?q=%0D%0A" + FORGED.replace(" ", "%20") + "&status=%1b%0A HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Access-Reason: a\tb\u0085" + FORGED + "\r\n"
                + "Cookie: JSESSIONID=" + TOKEN + "; XSRF-TOKEN=" + TOKEN + "\r\nConnection: close\r\n\r\n");
        rawHttp("GET /api/v1/cases/BL-1/tracking HTTP/1.1\r\nHost: localhost\r\nX-Tracking-Code: " + TOKEN
                + "\r\nConnection: close\r\n\r\n");
        rawHttp("GET /api/v1/chats/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\nX-Chat-Token: " + TOKEN
                + "\r\nConnection: close\r\n\r\n");
        var report = Api.validReport();
        report.put("description", "A report\r\n" + FORGED + "\u001b with control characters");
        new StaffSession(port).post("/api/v1/reports", report);
        StaffSession citizen = new StaffSession(port);
        citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/reports"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\": \"x\n" + FORGED + "\" "))
                .build());

        // STOMP: escaped line breaks in header values and destinations, secrets in refused frames.
        // Each refused frame on a connection of its own: the server may close one after a refusal,
        // and a frame sent after that would never arrive to be tested.
        for (String refused : List.of(
                "SUBSCRIBE\nid:1\ndestination:/topic/queues\\n" + FORGED + "\nchat-token:" + TOKEN + "\n\n",
                "SUBSCRIBE\nid:2\ndestination:/topic/chat." + UUID.randomUUID() + "\nchat-token:" + TOKEN + "\\n"
                        + FORGED + "\nX-XSRF-TOKEN:" + TOKEN + "\n\n",
                "SEND\ndestination:/app/chat." + UUID.randomUUID() + ".send\\r" + FORGED + "\nchat-token:" + TOKEN
                        + "\ncontent-type:application/json\n\n{\"clientMessageId\":\"x\",\"text\":\"y\"}")) {
            try (RawStomp stomp = RawStomp.connect(port)) {
                stomp.frame("CONNECT\naccept-version:1.2\nhost:localhost\nx-note:a\\r\\n" + FORGED + "\n\n");
                stomp.frame(refused);
                stomp.finish();
            }
        }
        // A chat's own token on a SEND the chat cannot read: allowed in, then failed by the handler.
        var chat = StaffSession.json(
                new StaffSession(port).post("/api/v1/chats", Map.of("topic", "Logs", "anyoneInDanger", false)));
        String chatToken = chat.path("chatToken").asText();
        try (RawStomp stomp = RawStomp.connect(port)) {
            stomp.frame("CONNECT\naccept-version:1.2\nhost:localhost\n\n");
            stomp.frame("SEND\ndestination:/app/chat." + chat.path("contactId").asText() + ".send\nchat-token:"
                    + chatToken + "\ncontent-type:application/json\n\n{\"clientMessageId\": \"x\n" + FORGED
                    + "\", \"text\": ");
            stomp.finish();
        }
        // A frame the decoder cannot read, with the token where the decoder quotes what it read.
        try (RawStomp stomp = RawStomp.connect(port)) {
            stomp.frame("CONNECT\naccept-version:1.2\nhost:localhost\n\n");
            stomp.frame("SUBSCRIBE\nid:1\ndestination:/topic/queues\nchat-token:" + TOKEN + "\\q\n\n");
            stomp.finish();
        }
        refusals.flush();

        assertNoForgedLine(output);
        assertThat(output.getAll())
                .doesNotContain(TOKEN)
                .doesNotContain(chatToken)
                .as("an unreadable chat message is answered, not logged with a stack trace")
                .doesNotContain("Error while processing handler method exception");
        StaffSession citizenHttp = new StaffSession(port);
        citizenHttp.send(HttpRequest.newBuilder(citizenHttp.uri(
                        "/api/v1/chats/" + chat.path("contactId").asText() + "/end"))
                .header("X-Chat-Token", chatToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void aFloodOfRefusedFramesIsSummarisedNotLoggedOneByOne(CapturedOutput output) throws Exception {
        refusals.flush();
        int before = output.getAll().length();
        String padding = "p".repeat(12_000);
        try (RawStomp stomp = RawStomp.connect(port)) {
            stomp.frame("CONNECT\naccept-version:1.2\nhost:localhost\n\n");
            for (int i = 0; i < 300; i++) {
                stomp.frame("SUBSCRIBE\nid:" + i + "\ndestination:/topic/queues\nchat-token:" + TOKEN + "\nx-pad:"
                        + padding + "\n\n");
            }
            stomp.finish();
        }
        refusals.flush();

        String added = output.getAll().substring(before);
        assertThat(added)
                .doesNotContain(TOKEN)
                .doesNotContain(padding.substring(0, 100))
                .doesNotContain("StompSubProtocolHandler");
        // Other work of the shared application may log meanwhile; the frames alone would be 3.6 MB.
        assertThat(added.length())
                .as("bytes of log added while 300 frames of 12 KB were refused")
                .isLessThan(50_000);
        // The minute's own summary may fall in the middle of the flood: then there are two lines.
        List<String> summaries = added.lines()
                .filter(line -> line.contains("STOMP frames in the last minute"))
                .toList();
        assertThat(summaries)
                .as("summary lines")
                .hasSizeBetween(1, 2)
                .allMatch(line -> line.matches(".*Refused (\\d+) STOMP frames in the last minute: \\1 not allowed"));
        assertThat(summaries.stream().mapToInt(LogSafetyTest::framesRefused).sum())
                .as("frames in the summaries")
                .isEqualTo(300);
    }

    private static void assertNoForgedLine(CapturedOutput output) {
        assertThat(output.getAll().split("\\R"))
                .noneMatch(
                        line -> line.startsWith(FORGED) || line.stripLeading().startsWith("FORGED"));
    }

    private static int indexOfLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    /** A request written byte for byte, with whatever header bytes the test wants. */
    private void rawHttp(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(10_000);
            in.readAllBytes();
        }
    }

    private static int framesRefused(String summary) {
        Matcher count = Pattern.compile("Refused (\\d+) STOMP frames").matcher(summary);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }
}
