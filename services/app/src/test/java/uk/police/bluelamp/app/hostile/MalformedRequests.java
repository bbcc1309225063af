package uk.police.bluelamp.app.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import uk.police.bluelamp.app.Api;

/**
 * Requests to the public endpoints that can never be valid. Each starts from a body that
 * would be accepted, has random noise applied (wrong types, unknown fields, control
 * characters, odd Unicode, long strings), and then always gets one defect that alone makes the
 * request invalid whatever the noise did: a required field missing or out of range, broken
 * JSON, invalid UTF-8, a wrong content type, a body that is not an object, or a chat, case or
 * webhook credential that does not exist. Noise comes first and the defect last, so noise
 * cannot undo it.
 */
final class MalformedRequests {

    record Malformed(
            String why, String method, String path, String contentType, byte[] body, Map<String, String> headers) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return why + ": " + method + " " + path + " [" + contentType + "] " + headers + " " + shown
                    + (body != null && body.length > 300 ? "... (" + body.length + " bytes)" : "");
        }
    }

    /** A real case and chat, so that the right credential with a malformed body is tried too. */
    record Known(String reference, String trackingCode, String chatId, String chatToken) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private MalformedRequests() {}

    static Arbitrary<Malformed> any(Known known) {
        return Arbitraries.oneOf(List.of(
                json(
                        "report",
                        "POST",
                        "/api/v1/reports",
                        Map.of(),
                        report(),
                        List.of(
                                b -> b.remove("description"),
                                b -> b.put("description", "   "),
                                b -> b.put("occurredOn", "2999-12-31"),
                                b -> b.put("occurredOn", "31/12/2020"),
                                b -> b.put("anyoneInDanger", true),
                                b -> b.put("category", "ARSON_ON_THE_MOON"),
                                b -> b.put("updateChannel", "PIGEON"),
                                b -> b.put("email", "not-an-email"),
                                b -> b.put("location", "l".repeat(501)))),
                json(
                        "chat start",
                        "POST",
                        "/api/v1/chats",
                        Map.of(),
                        Map.of("name", "Sam", "topic", "Noise", "anyoneInDanger", false),
                        List.of(
                                b -> b.remove("topic"),
                                b -> b.put("topic", "\t\n "),
                                b -> b.put("anyoneInDanger", true),
                                b -> b.remove("anyoneInDanger"),
                                b -> b.put("name", "n".repeat(201)))),
                json(
                        "call-back",
                        "POST",
                        "/api/v1/callbacks",
                        Map.of(),
                        Api.validCallback(),
                        List.of(
                                b -> b.put("phone", "12345"), b -> b.put("windowStart", "2001-01-01T10:00:00Z"),
                                b -> b.put("windowEnd", b.get("windowStart")), b -> b.remove("anyoneInDanger"),
                                b -> b.put("topic", ""), b -> b.put("windowStart", "tomorrow"))),
                json(
                        "chat message",
                        "POST",
                        "/api/v1/chats/" + known.chatId() + "/messages",
                        Map.of("X-Chat-Token", known.chatToken()),
                        Map.of("clientMessageId", "m-1", "text", "Hello"),
                        List.of(
                                b -> b.put("clientMessageId", "has space"),
                                b -> b.put("clientMessageId", "<script>"),
                                b -> b.remove("clientMessageId"),
                                b -> b.put("text", " "),
                                b -> b.remove("text"),
                                b -> b.put("text", "t".repeat(2001)))),
                json(
                        "case message",
                        "POST",
                        "/api/v1/cases/" + known.reference() + "/messages",
                        Map.of("X-Tracking-Code", known.trackingCode()),
                        Map.of("text", "Any news?"),
                        List.of(b -> b.remove("text"), b -> b.put("text", "\n"), b -> b.put("text", "t".repeat(2001)))),
                json(
                        "update preference",
                        "PUT",
                        "/api/v1/cases/" + known.reference() + "/update-preference",
                        Map.of("X-Tracking-Code", known.trackingCode()),
                        Map.of("updateChannel", "EMAIL", "updateFrequency", "WEEKLY", "email", "sam@example.com"),
                        List.of(
                                b -> b.put("updateChannel", "PIGEON"), b -> b.remove("updateFrequency"),
                                b -> b.put("email", "nope"), b -> b.put("updateChannel", "CARRIER_PIGEON"))),
                json(
                        "signpost",
                        "POST",
                        "/api/v1/signposts",
                        Map.of(),
                        Map.of("reason", "FRAUD", "channel", "WEB"),
                        List.of(
                                b -> b.put("reason", "ARSON_ON_THE_MOON"),
                                b -> b.remove("reason"),
                                b -> b.put("channel", "PIGEON"),
                                b -> b.put("reason", "r".repeat(10_000) + "\u0000"))),
                wrongCredential(known),
                badQuery(known)));
    }

    /** The valid report the API tests send, for each generated request to break in one way. */
    private static Map<String, Object> report() {
        return JSON.convertValue(Api.validReport(), new TypeReference<Map<String, Object>>() {});
    }

    /** A valid body, noise, then one defect: in the fields, or in the request as a whole. */
    private static Arbitrary<Malformed> json(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            Map<String, Object> valid,
            List<Consumer<Map<String, Object>>> defects) {
        Arbitrary<Map<String, Object>> noisy = noise().list().ofMaxSize(3).map(changes -> {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            List<String> fields = List.copyOf(valid.keySet());
            changes.forEach(change -> body.put(
                    change.field() < 0 ? change.extraName() : fields.get(change.field() % fields.size()),
                    change.value()));
            return body;
        });
        Arbitrary<Malformed> fieldDefect = Combinators.combine(
                        noisy, Arbitraries.integers().between(0, defects.size() - 1))
                .as((body, which) -> {
                    defects.get(which).accept(body);
                    return new Malformed(
                            name + ", defect " + which, method, path, "application/json", bytes(body), headers);
                });
        Arbitrary<Malformed> wholeDefect = Combinators.combine(
                        noisy,
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 10_000))
                .as((body, kind, at) -> {
                    byte[] json = bytes(body);
                    return switch (kind) {
                        case 0 ->
                            new Malformed(
                                    name + ", truncated JSON",
                                    method,
                                    path,
                                    "application/json",
                                    Arrays.copyOf(json, at % (json.length - 1)),
                                    headers);
                        case 1 ->
                            new Malformed(
                                    name + ", invalid UTF-8",
                                    method,
                                    path,
                                    "application/json",
                                    insert(json, at % json.length, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}),
                                    headers);
                        case 2 ->
                            new Malformed(
                                    name + ", not JSON",
                                    method,
                                    path,
                                    List.of(
                                                    "text/plain",
                                                    "application/xml",
                                                    "multipart/form-data",
                                                    "application/octet-stream")
                                            .get(at % 4),
                                    json,
                                    headers);
                        case 3 ->
                            new Malformed(
                                    name + ", not an object",
                                    method,
                                    path,
                                    "application/json",
                                    List.of("[]", "null", "42", "\"text\"", "[{}]", "")
                                            .get(at % 6)
                                            .getBytes(StandardCharsets.UTF_8),
                                    headers);
                        default ->
                            new Malformed(
                                    name + ", over 64 KiB",
                                    method,
                                    path,
                                    "application/json",
                                    bytes(Map.of("padding", "p".repeat(65_536 + at))),
                                    headers);
                    };
                });
        return Arbitraries.oneOf(fieldDefect, fieldDefect, wholeDefect);
    }

    private record Change(int field, String extraName, Object value) {}

    private static Arbitrary<Change> noise() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> (Object) s),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMaxLength(50)
                        .map(s -> (Object) s),
                Arbitraries.strings()
                        .withChars('<', '>', '"', '\'', '&', '\u202e', '\ufeff', '\u0000', '%', '\\')
                        .ofMaxLength(50)
                        .map(s -> (Object) s),
                Arbitraries.strings().ofMinLength(2_000).ofMaxLength(6_000).map(s -> (Object) s),
                Arbitraries.integers().list().ofMaxSize(5).map(l -> (Object) l),
                Arbitraries.strings().alpha().ofMaxLength(10).map(s -> (Object) Map.of("nested", s)));
        return Combinators.combine(
                        Arbitraries.integers().between(-1, 10),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        value)
                .as(Change::new);
    }

    /** Credentials that exist nowhere: every one of these must be refused, whatever the body. */
    private static Arbitrary<Malformed> wrongCredential(Known known) {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-')
                        .ofMinLength(1)
                        .ofMaxLength(60),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).map(MalformedRequests::encode),
                Arbitraries.of(
                        "%00",
                        "..%2F..%2Fetc%2Fpasswd",
                        "%E2%80%AE",
                        "BL-1999-000000",
                        "%3Cscript%3E",
                        "%27%20or%201%3D1%20--"));
        Arbitrary<String> secret =
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80);
        byte[] anyBody = bytes(Map.of("text", "Hello", "clientMessageId", "m-1"));
        return Combinators.combine(id, secret, Arbitraries.integers().between(0, 5))
                .as((path, token, kind) -> switch (kind) {
                    case 0 ->
                        new Malformed(
                                "unknown chat",
                                "GET",
                                "/api/v1/chats/" + path,
                                null,
                                null,
                                Map.of("X-Chat-Token", token));
                    case 1 ->
                        new Malformed(
                                "unknown chat",
                                "POST",
                                "/api/v1/chats/" + path + "/messages",
                                "application/json",
                                anyBody,
                                Map.of("X-Chat-Token", token));
                    case 2 ->
                        new Malformed(
                                "wrong chat token",
                                "POST",
                                "/api/v1/chats/" + known.chatId() + "/end",
                                null,
                                null,
                                Map.of("X-Chat-Token", token));
                    case 3 ->
                        new Malformed(
                                "unknown case",
                                "GET",
                                "/api/v1/cases/" + path + "/tracking",
                                null,
                                null,
                                Map.of("X-Tracking-Code", token));
                    case 4 ->
                        new Malformed(
                                "unknown case",
                                "POST",
                                "/api/v1/cases/" + path + "/messages",
                                "application/json",
                                anyBody,
                                Map.of("X-Tracking-Code", token));
                    default ->
                        new Malformed(
                                "wrong telephony token",
                                "POST",
                                "/api/v1/cti/" + path,
                                "application/json",
                                bytes(Map.of("event", "RINGING", "callId", token, "from", "+441632960001")),
                                Map.of());
                });
    }

    private static Arbitrary<Malformed> badQuery(Known known) {
        return Arbitraries.oneOf(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.of("1e99", "-", "%00", "9".repeat(30)))
                .map(after -> new Malformed(
                        "bad after",
                        "GET",
                        "/api/v1/chats/" + known.chatId() + "?after=" + encode(after),
                        null,
                        null,
                        Map.of("X-Chat-Token", known.chatToken())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] insert(byte[] into, int at, byte[] bytes) {
        byte[] out = new byte[into.length + bytes.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(into, at, out, at + bytes.length, into.length - at);
        return out;
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
