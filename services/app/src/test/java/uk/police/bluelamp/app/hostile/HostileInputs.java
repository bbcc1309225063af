package uk.police.bluelamp.app.hostile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import uk.police.bluelamp.app.Api;

/**
 * Hostile values, and requests that carry one in a single place of an otherwise ordinary
 * request to a public endpoint: a JSON field (or one the endpoint does not know), a header, a
 * query parameter, or a path segment. Unlike MalformedRequests these may be accepted: what is
 * asserted is how the app survives them, not that they are refused.
 */
final class HostileInputs {

    /** Written with every non-ASCII character escaped, so a lone surrogate can be sent at all. */
    static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    /** A real case, a second one whose tracking code is guessed at, a chat, and the telephony token. */
    record Known(
            String reference,
            String trackingCode,
            String decoyReference,
            String chatId,
            String chatToken,
            String ctiToken) {}

    /** Where the hostile value went; the rest of the request is one the endpoint accepts. */
    record Request(
            String why, String method, String target, Map<String, String> headers, String contentType, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return why + ": " + method + " " + target + " " + headers.keySet() + " " + shown
                    + (body != null && body.length > 300 ? "... (" + body.length + " bytes)" : "");
        }
    }

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime());

    private HostileInputs() {}

    /** NUL and the rest: every kind of character the input policy refuses, and some it keeps. */
    static Arbitrary<String> hostileText() {
        Arbitrary<Character> refused = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'),
                Arbitraries.chars().range('\ud800', '\udfff'),
                Arbitraries.of('\ufffe', '\uffff', '\ufdd0', '\ufdef'),
                Arbitraries.of(
                        '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'));
        Arbitrary<String> ordinary = Arbitraries.of(
                "Sam Smith",
                "High Street",
                "07700900001",
                "sam@example.com",
                "m-1",
                "BL-2026-000001",
                "about 3pm",
                "My bike");
        Arbitrary<String> withOne = Combinators.combine(
                        ordinary, refused, Arbitraries.integers().between(0, 20))
                .as((text, c, at) -> text.substring(0, Math.min(at, text.length()))
                        + c
                        + text.substring(Math.min(at, text.length())));
        return Arbitraries.oneOf(List.of(
                withOne,
                Arbitraries.strings()
                        .withChars('\u0000', '\n', '\r', '\t', '\u2028', '\u0085', '\u202e', '\ud800')
                        .ofMinLength(1)
                        .ofMaxLength(10),
                Arbitraries.of(
                        "pii:v1:x",
                        "pii:v1:abc:AAAA",
                        "pii:v1:",
                        "pii:v1:subject:AAAAAAAAAAAAAAAA:AAAA",
                        "\"pii:v1:x\"",
                        "[erased]"),
                Arbitraries.strings().withCharRange('A', 'z').ofLength(20).map(s -> "pii:v1:" + s),
                Arbitraries.of(
                        "\u202eevil.exe",
                        "\u2067abc\u2069",
                        "Caf\u0065\u0301",
                        "Zo\u0065\u0308",
                        "\u05e9\u05dc\u05d5\u05dd",
                        "\u0645\u0631\u062d\u0628\u0627",
                        "\ud83d\ude93",
                        "\ufeffBOM",
                        "line one\nline two",
                        "tab\there"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().alpha().ofLength(10_000),
                Arbitraries.strings().all().ofLength(10_000),
                Arbitraries.of(
                        "<script>alert(1)</script>",
                        "' or 1=1 --",
                        "${jndi:ldap://x}",
                        "%00",
                        "\\u0000",
                        "../../etc/passwd",
                        "=HYPERLINK(\"http://evil\")")));
    }

    /** A hostile text, or a value of the wrong JSON type. */
    static Arbitrary<Object> hostileValue() {
        return Arbitraries.oneOf(List.of(
                hostileText().map(s -> (Object) s),
                hostileText().map(s -> (Object) s),
                hostileText().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.just(null),
                hostileText().list().ofMaxSize(3).map(l -> (Object) l),
                hostileText().map(s -> (Object) Map.of("nested", s))));
    }

    /** The values the sweep puts in every place: one of each kind, so that every field sees every kind. */
    static final List<String> SWEEP_TEXTS = List.of(
            "a\u0000b",
            "a\u0085b",
            "a\ud800b",
            "\u202eevil",
            "pii:v1:x",
            "pii:v1:abc:AAAA",
            "x".repeat(10_000),
            "line\nbreak",
            "Cafe\u0301");

    private static final List<Object> SWEEP_VALUES = sweepValues();

    private static List<Object> sweepValues() {
        List<Object> values = new ArrayList<>(SWEEP_TEXTS);
        values.addAll(Arrays.asList(42, List.of(), null));
        return values;
    }

    /** Every place of every public endpoint with every sweep value: for jqwik's exhaustive generation. */
    static Arbitrary<Request> everyPlace(Known known) {
        List<Request> all = new ArrayList<>();
        for (Endpoint endpoint : endpoints(known)) {
            if (endpoint.body() != null) {
                List<String> fields = new ArrayList<>(endpoint.body().get().keySet());
                fields.add("unknownField");
                for (String field : fields) {
                    for (Object value : SWEEP_VALUES) {
                        Map<String, Object> body = endpoint.body().get();
                        body.put(field, value);
                        all.add(request(endpoint, "sweep " + field, endpoint.path(), endpoint.headers(), body));
                    }
                }
            }
            List<String> names = new ArrayList<>(endpoint.headers().keySet());
            names.add(endpoint.name().equals("report") ? "Idempotency-Key" : "X-Access-Reason");
            for (String text : SWEEP_TEXTS) {
                Map<String, Object> body =
                        endpoint.body() == null ? null : endpoint.body().get();
                for (String name : names) {
                    Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
                    headers.put(name, text);
                    all.add(request(
                            endpoint,
                            "sweep header " + name,
                            name.equals("X-Tracking-Code") ? endpoint.pathForGuesses(known) : endpoint.path(),
                            headers,
                            body));
                }
                String query = endpoint.path() + (endpoint.path().contains("?") ? "&" : "?") + "q=" + encoded(text);
                all.add(request(
                        endpoint,
                        "sweep query",
                        query,
                        endpoint.headers(),
                        endpoint.body() == null ? null : endpoint.body().get()));
                if (endpoint.pathWith() != null) {
                    all.add(request(
                            endpoint,
                            "sweep path",
                            String.format(endpoint.pathWith(), encoded(text)),
                            endpoint.headers(),
                            endpoint.body() == null ? null : endpoint.body().get()));
                }
            }
        }
        return Arbitraries.of(all);
    }

    static Arbitrary<Frame> everyFrame() {
        List<Frame> all = new ArrayList<>();
        for (String field : List.of("clientMessageId", "text", "unknownField")) {
            for (Object value : SWEEP_VALUES) {
                Map<String, Object> body = chatMessage();
                body.put(field, value);
                all.add(new Frame("sweep " + field, json(body), Map.of()));
            }
        }
        for (String text : SWEEP_TEXTS) {
            all.add(new Frame("sweep header", json(chatMessage()), Map.of("x-note", text)));
        }
        return Arbitraries.of(all);
    }

    static Arbitrary<Request> any(Known known) {
        List<Arbitrary<Request>> all = new ArrayList<>();
        for (Endpoint endpoint : endpoints(known)) {
            all.add(inBody(endpoint, known));
            all.add(inHeader(endpoint, known));
            all.add(inQuery(endpoint));
            if (endpoint.pathWith() != null) {
                all.add(inPath(endpoint));
            }
        }
        return Arbitraries.oneOf(all);
    }

    /** An endpoint with an ordinary body (fresh for each request), the headers it needs, and its path with a hole in it. */
    private record Endpoint(
            String name,
            String method,
            String path,
            String pathWith,
            Map<String, String> headers,
            boolean form,
            Supplier<Map<String, Object>> body) {

        /** A guessed tracking code counts against its case: guesses go to the decoy, and the real case stays usable. */
        String pathForGuesses(Known known) {
            return path.replace(known.reference(), known.decoyReference());
        }
    }

    private static List<Endpoint> endpoints(Known known) {
        Map<String, String> chat = Map.of("X-Chat-Token", known.chatToken());
        Map<String, String> tracking = Map.of("X-Tracking-Code", known.trackingCode());
        String cti = "/api/v1/cti/" + known.ctiToken();
        return List.of(
                new Endpoint("report", "POST", "/api/v1/reports", null, Map.of(), false, HostileInputs::report),
                new Endpoint(
                        "chat start",
                        "POST",
                        "/api/v1/chats",
                        null,
                        Map.of(),
                        false,
                        () -> map("name", "Sam", "topic", "Noise", "anyoneInDanger", false)),
                new Endpoint(
                        "chat message",
                        "POST",
                        "/api/v1/chats/" + known.chatId() + "/messages",
                        "/api/v1/chats/%s/messages",
                        chat,
                        false,
                        () -> map("clientMessageId", "h-" + UNIQUE.incrementAndGet(), "text", "Hello")),
                new Endpoint(
                        "chat view",
                        "GET",
                        "/api/v1/chats/" + known.chatId() + "?after=0",
                        "/api/v1/chats/%s",
                        chat,
                        false,
                        null),
                new Endpoint("call-back", "POST", "/api/v1/callbacks", null, Map.of(), false, Api::validCallback),
                new Endpoint(
                        "tracking",
                        "GET",
                        "/api/v1/cases/" + known.reference() + "/tracking",
                        "/api/v1/cases/%s/tracking",
                        tracking,
                        false,
                        null),
                new Endpoint(
                        "update preference",
                        "PUT",
                        "/api/v1/cases/" + known.reference() + "/update-preference",
                        "/api/v1/cases/%s/update-preference",
                        tracking,
                        false,
                        () -> map(
                                "updateChannel",
                                "EMAIL",
                                "updateFrequency",
                                "WEEKLY",
                                "email",
                                "sam@example.com",
                                "phone",
                                null)),
                new Endpoint(
                        "case message",
                        "POST",
                        "/api/v1/cases/" + known.reference() + "/messages",
                        "/api/v1/cases/%s/messages",
                        tracking,
                        false,
                        () -> map("text", "Any news?")),
                new Endpoint("telephony", "POST", cti, "/api/v1/cti/%s", Map.of(), false, HostileInputs::call),
                new Endpoint("telephony form", "POST", cti, "/api/v1/cti/%s", Map.of(), true, HostileInputs::call));
    }

    private static Arbitrary<Request> inBody(Endpoint endpoint, Known known) {
        if (endpoint.body() == null) {
            return inHeader(endpoint, known);
        }
        List<String> fields = new ArrayList<>(endpoint.body().get().keySet());
        fields.add("unknownField");
        return Combinators.combine(Arbitraries.of(fields), hostileValue()).as((field, value) -> {
            Map<String, Object> body = endpoint.body().get();
            body.put(field, value);
            return request(endpoint, "hostile " + field, endpoint.path(), endpoint.headers(), body);
        });
    }

    private static Arbitrary<Request> inHeader(Endpoint endpoint, Known known) {
        List<String> names = new ArrayList<>(endpoint.headers().keySet());
        names.addAll(List.of("User-Agent", "X-Access-Reason", "Idempotency-Key", "Origin", "Accept-Language"));
        return Combinators.combine(Arbitraries.of(names), hostileText()).as((name, value) -> {
            Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
            headers.put(name, value);
            Map<String, Object> body =
                    endpoint.body() == null ? null : endpoint.body().get();
            String path = name.equals("X-Tracking-Code") ? endpoint.pathForGuesses(known) : endpoint.path();
            return request(endpoint, "hostile header " + name, path, headers, body);
        });
    }

    private static Arbitrary<Request> inQuery(Endpoint endpoint) {
        return Combinators.combine(Arbitraries.of("after", "q", "reason", "status", "x"), hostileText())
                .as((name, value) -> {
                    String path =
                            endpoint.path() + (endpoint.path().contains("?") ? "&" : "?") + name + "=" + encoded(value);
                    return request(
                            endpoint,
                            "hostile query " + name,
                            path,
                            endpoint.headers(),
                            endpoint.body() == null ? null : endpoint.body().get());
                });
    }

    private static Arbitrary<Request> inPath(Endpoint endpoint) {
        return hostileText()
                .map(value -> request(
                        endpoint,
                        "hostile path",
                        String.format(endpoint.pathWith(), encoded(value)),
                        endpoint.headers(),
                        endpoint.body() == null ? null : endpoint.body().get()));
    }

    private static Request request(
            Endpoint endpoint, String why, String target, Map<String, String> headers, Map<String, Object> body) {
        if (body == null) {
            return new Request(endpoint.name() + ", " + why, endpoint.method(), target, headers, null, null);
        }
        if (endpoint.form()) {
            StringBuilder form = new StringBuilder();
            body.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(encoded(value == null ? "" : String.valueOf(value))));
            return new Request(
                    endpoint.name() + ", " + why,
                    endpoint.method(),
                    target,
                    headers,
                    "application/x-www-form-urlencoded",
                    form.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return new Request(
                endpoint.name() + ", " + why, endpoint.method(), target, headers, "application/json", json(body));
    }

    /** A chat message sent over STOMP, hostile in its payload or its headers. */
    record Frame(String why, byte[] payload, Map<String, String> headers) {

        @Override
        public String toString() {
            return why + ": " + headers + " "
                    + new String(payload, 0, Math.min(payload.length, 300), StandardCharsets.UTF_8);
        }
    }

    static Arbitrary<Frame> frames() {
        Arbitrary<Frame> inPayload = Combinators.combine(
                        Arbitraries.of("clientMessageId", "text", "unknownField"), hostileValue())
                .as((field, value) -> {
                    Map<String, Object> body = chatMessage();
                    body.put(field, value);
                    return new Frame("hostile " + field, json(body), Map.of());
                });
        Arbitrary<Frame> inHeader = Combinators.combine(Arbitraries.of("x-note", "receipt"), hostileText())
                .as((name, value) -> new Frame("hostile header " + name, json(chatMessage()), Map.of(name, value)));
        Arbitrary<Frame> notAnObject = Arbitraries.of(
                        "", "null", "[]", "{", "\"text\"", "{\"text\":{}}", "{\"text\":\"\\ud800\"}")
                .map(body -> new Frame("not a message", body.getBytes(StandardCharsets.US_ASCII), Map.of()));
        return Arbitraries.oneOf(inPayload, inPayload, inHeader, notAnObject);
    }

    private static Map<String, Object> chatMessage() {
        return map("clientMessageId", "s-" + UNIQUE.incrementAndGet(), "text", "Hello");
    }

    static Map<String, Object> report() {
        return map(
                "category",
                "THEFT",
                "description",
                "My bike was taken from the rack outside the library.",
                "location",
                "High Street, Anytown",
                "occurredOn",
                LocalDate.now().minusDays(1).toString(),
                "occurredTime",
                "about 3pm",
                "anyoneInDanger",
                false,
                "name",
                "Sam Smith",
                "email",
                "sam@example.com",
                "phone",
                "07700900001",
                "updateChannel",
                "EMAIL",
                "updateFrequency",
                "WEEKLY");
    }

    private static Map<String, Object> call() {
        return map(
                "event",
                "newCall",
                "callId",
                "hostile-" + UNIQUE.incrementAndGet(),
                "from",
                "07700900001",
                "to",
                "101",
                "direction",
                "in",
                "queue",
                "main");
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encoded UTF-8; a lone surrogate as the three bytes a careless encoder writes for it, which are not UTF-8. */
    static String encoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes.writeBytes(new byte[] {(byte) 0xED, (byte) (0x80 | (c >> 6) & 0x3F), (byte) (0x80 | c & 0x3F)});
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        StringBuilder out = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            int unsigned = b & 0xFF;
            boolean plain = unsigned >= 'a' && unsigned <= 'z'
                    || unsigned >= 'A' && unsigned <= 'Z'
                    || unsigned >= '0' && unsigned <= '9'
                    || unsigned == '-'
                    || unsigned == '.'
                    || unsigned == '_';
            out.append(plain ? String.valueOf((char) unsigned) : String.format("%%%02X", unsigned));
        }
        return out.toString();
    }

    /** A header value as bytes on the wire: ISO-8859-1 where it can be, else the UTF-8 a careless client sends. */
    static byte[] headerBytes(String value) {
        boolean latin1 = value.chars().allMatch(c -> c <= 0xFF);
        return latin1 ? value.getBytes(StandardCharsets.ISO_8859_1) : value.getBytes(StandardCharsets.UTF_8);
    }
}
