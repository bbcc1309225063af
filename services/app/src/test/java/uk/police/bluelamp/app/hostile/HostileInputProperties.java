package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.springframework.messaging.MessageDeliveryException;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/**
 * Run by HostileInputTest, which holds the running app; the name keeps Surefire from running
 * it on its own. A hostile value in any one place of a request to a public endpoint, or of a
 * chat message sent over STOMP, never gets a 5xx; when it is refused, nothing is stored.
 */
class HostileInputProperties {

    /** Set by HostileInputTest before it launches these properties. */
    /** {@code stored.since(mark)} counts what requests stored after {@code mark} was taken. */
    record Target(int port, StaffSession citizen, HostileInputs.Known known, Supplier<Stored> stored) {}

    interface Stored {
        long since(Stored before);
    }

    static volatile Target target;

    private static final Duration TOLD_WITHIN = Duration.ofSeconds(5);

    @Property(tries = 2000, generation = GenerationMode.EXHAUSTIVE)
    void everyKindOfHostileValueInEveryPlaceOfEveryPublicEndpoint(@ForAll("everyPlace") HostileInputs.Request request) {
        survives(request);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void noHostileRequestGetsA5xxAndARefusalStoresNothing(@ForAll("requests") HostileInputs.Request request) {
        survives(request);
    }

    private static void survives(HostileInputs.Request request) {
        Stored before = target.stored().get();
        RawHttp.Answer answer = RawHttp.send(target.port(), bytes(request));
        assertThat(answer.status()).as("%s%n-> %s", request, answer.body()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(target.stored().get().since(before))
                    .as("stored after %s -> %s", request, answer.status())
                    .isZero();
        }
    }

    @Property(tries = 200, generation = GenerationMode.EXHAUSTIVE)
    void everyKindOfHostileValueInAChatMessageOverStomp(@ForAll("everyFrame") HostileInputs.Frame frame)
            throws Exception {
        sendsAndIsTold(frame);
    }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void aHostileChatMessageOverStompIsStoredOrRefusedAndTheSenderIsToldEitherWay(
            @ForAll("frames") HostileInputs.Frame frame) throws Exception {
        sendsAndIsTold(frame);
    }

    private static void sendsAndIsTold(HostileInputs.Frame frame) throws Exception {
        String chat = target.known().chatId();
        Stored before = target.stored().get();
        try (Stomp socket = Stomp.citizen(target.port())) {
            Stomp.Inbox inbox =
                    socket.subscribe("/topic/chat." + chat, target.known().chatToken());
            String told;
            try {
                socket.sendRaw(
                        "/app/chat." + chat + ".send", target.known().chatToken(), frame.payload(), frame.headers());
                told = told(socket, inbox);
            } catch (MessageDeliveryException notSent) {
                // The client library will not send it (a frame far over the 16 KiB limit): nothing reached the app.
                told = "not sent";
            }
            assertThat(told).as("what the sender was told of %s", frame).isNotNull();
            long stored = target.stored().get().since(before);
            if (told.equals("message")) {
                // A clientMessageId seen before is the same message, stored once.
                assertThat(stored).as("stored for %s", frame).isBetween(0L, 1L);
            } else {
                assertThat(stored).as("stored for %s, told %s", frame, told).isZero();
            }
        }
    }

    /** "message" once the chat shows it, the refusal otherwise; null if the sender hears nothing. */
    private static String told(Stomp socket, Stomp.Inbox inbox) throws InterruptedException {
        long deadline = System.nanoTime() + TOLD_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = inbox.poll(Duration.ofMillis(50));
            if (event != null && event.path("type").asText().equals("message")) {
                return "message";
            }
            if (event != null && event.path("type").asText().equals("error")) {
                return "error: " + event.path("message").asText();
            }
            String error = socket.errorWithin(Duration.ZERO);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    @Provide
    Arbitrary<HostileInputs.Request> requests() {
        return HostileInputs.any(target.known());
    }

    @Provide
    Arbitrary<HostileInputs.Request> everyPlace() {
        return HostileInputs.everyPlace(target.known());
    }

    @Provide
    Arbitrary<HostileInputs.Frame> everyFrame() {
        return HostileInputs.everyFrame();
    }

    @Provide
    Arbitrary<HostileInputs.Frame> frames() {
        return HostileInputs.frames();
    }

    /** The request as a browser on the force's site would send it (session cookie, CSRF header), with the one hostile value. */
    private static byte[] bytes(HostileInputs.Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\nHost: localhost\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        header(out, "Cookie", target.citizen().cookieHeader());
        header(out, "X-XSRF-TOKEN", target.citizen().csrfToken());
        if (request.body() != null) {
            header(out, "Content-Type", request.contentType());
            header(out, "Content-Length", Integer.toString(request.body().length));
        }
        for (Map.Entry<String, String> extra : request.headers().entrySet()) {
            out.writeBytes((extra.getKey() + ": ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(HostileInputs.headerBytes(extra.getValue()));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        header(out, "Connection", "close");
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (request.body() != null) {
            out.writeBytes(request.body());
        }
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, String name, String value) {
        out.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
}
