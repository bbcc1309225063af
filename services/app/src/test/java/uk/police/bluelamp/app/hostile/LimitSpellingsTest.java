package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;

/**
 * However a limited path is spelled (percent-encoded, doubled or trailing slashes, dot segments,
 * another case, a path parameter), once a client has used its allowance no spelling reaches the
 * controller: each either shares the limit (429) or is refused before any controller runs. Every
 * probe is a valid request that would succeed were it let through, and the encoded spelling is
 * shown to succeed from a fresh client, so the probes are not vacuous.
 */
class LimitSpellingsTest extends ProductionLimits {

    @Test
    void reportsSpelledAnyWayShareTheClientsTenReports() {
        String client = "198.51.100.10";
        usedUp(() -> send(post("/api/v1/reports", "{}").header("X-Forwarded-For", client)));
        assertNoSpellingGetsThrough(
                client,
                REPORTS,
                "POST",
                "/api/v1/reports",
                null,
                Map.of(),
                Api.validReport().toString());
        assertThat(send(post("/api/v1/%72eports", Api.validReport().toString())
                                .header("X-Forwarded-For", "198.51.100.11"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void chatStartsAndCallBacksSpelledAnyWayShareTheClientsFive() {
        String client = "198.51.100.20";
        usedUp(() -> send(post("/api/v1/chats", "{}").header("X-Forwarded-For", client)));
        assertNoSpellingGetsThrough(client, FIVE_IN_TEN_MINUTES, "POST", "/api/v1/chats", null, Map.of(), CHAT);
        usedUp(() -> send(post("/api/v1/callbacks", "{}").header("X-Forwarded-For", client)));
        assertNoSpellingGetsThrough(
                client, FIVE_IN_TEN_MINUTES, "POST", "/api/v1/callbacks", null, Map.of(), callback());
    }

    @Test
    void aChatSpelledAnyWaySharesItsOwnLimitAndTheClients() {
        JsonNode chat = startChat("198.51.100.30");
        String id = chat.path("contactId").asText();
        Map<String, String> token =
                Map.of("X-Chat-Token", chat.path("chatToken").asText());
        // The chat's own sixty a minute, used by one client...
        usedUp(() -> send(get("/api/v1/chats/" + id)
                .header("X-Chat-Token", token.get("X-Chat-Token"))
                .header("X-Forwarded-For", "198.51.100.31")));
        // ...then no spelling of the chat or of its id reaches it from another.
        assertNoSpellingGetsThrough("198.51.100.32", SIXTY_A_MINUTE, "GET", "/api/v1/chats/" + id, id, token, null);
        assertNoSpellingGetsThrough(
                "198.51.100.32",
                SIXTY_A_MINUTE,
                "POST",
                "/api/v1/chats/" + id + "/messages",
                id,
                token,
                "{\"clientMessageId\":\"m-1\",\"text\":\"Hello\"}");
        assertNoSpellingGetsThrough(
                "198.51.100.32", SIXTY_A_MINUTE, "POST", "/api/v1/chats/" + id + "/end", id, token, null);

        // A client's hundred and twenty a minute, used on chats that do not exist, covers a real one too.
        JsonNode other = startChat("198.51.100.33");
        String otherId = other.path("contactId").asText();
        Map<String, String> otherToken =
                Map.of("X-Chat-Token", other.path("chatToken").asText());
        usedUp(() -> send(get("/api/v1/chats/" + UUID.randomUUID()).header("X-Forwarded-For", "198.51.100.34")));
        assertNoSpellingGetsThrough(
                "198.51.100.34",
                new Limit(120, Duration.ofMinutes(1)),
                "GET",
                "/api/v1/chats/" + otherId,
                otherId,
                otherToken,
                null);
        assertThat(send(get("/%61pi/%761/%63hats/" + otherId)
                                .header("X-Chat-Token", otherToken.get("X-Chat-Token"))
                                .header("X-Forwarded-For", "198.51.100.35"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCaseSpelledAnyWaySharesTheClientsThirtyAMinute() {
        JsonNode report = StaffSession.json(
                send(post("/api/v1/reports", Api.validReport().toString()).header("X-Forwarded-For", "198.51.100.40")));
        String reference = report.path("reference").asText();
        Map<String, String> code =
                Map.of("X-Tracking-Code", report.path("trackingCode").asText());
        await().until(() -> send(get("/api/v1/cases/" + reference + "/tracking")
                                .header("X-Tracking-Code", code.get("X-Tracking-Code"))
                                .header("X-Forwarded-For", "198.51.100.41"))
                        .statusCode()
                == 200);
        String client = "198.51.100.42";
        Limit thirtyAMinute = new Limit(30, Duration.ofMinutes(1));
        usedUp(() -> send(get("/api/v1/cases/NO-SUCH-CASE-" + UUID.randomUUID() + "/tracking")
                .header("X-Forwarded-For", client)));
        assertNoSpellingGetsThrough(
                client, thirtyAMinute, "GET", "/api/v1/cases/" + reference + "/tracking", reference, code, null);
        usedUp(() -> send(get("/api/v1/cases/NO-SUCH-CASE-" + UUID.randomUUID() + "/tracking")
                .header("X-Forwarded-For", client)));
        assertNoSpellingGetsThrough(
                client,
                thirtyAMinute,
                "PUT",
                "/api/v1/cases/" + reference + "/update-preference",
                reference,
                code,
                "{\"updateChannel\":\"NONE\",\"updateFrequency\":\"WEEKLY\"}");
        usedUp(() -> send(get("/api/v1/cases/NO-SUCH-CASE-" + UUID.randomUUID() + "/tracking")
                .header("X-Forwarded-For", client)));
        assertNoSpellingGetsThrough(
                client,
                thirtyAMinute,
                "POST",
                "/api/v1/cases/" + reference + "/messages",
                reference,
                code,
                "{\"text\":\"Any news?\"}");
        assertThat(send(get("/api/v1/cases/" + reference + "/%74racking")
                                .header("X-Tracking-Code", code.get("X-Tracking-Code"))
                                .header("X-Forwarded-For", "198.51.100.43"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theTelephonyWebhookHasALimitOfItsOwnThatWrongTokensUseUp() {
        String client = "198.51.100.50";
        int wrongTokens =
                usedUp(() -> send(post("/api/v1/cti/not-the-token", "{}").header("X-Forwarded-For", client)));
        assertThat(wrongTokens).isGreaterThanOrEqualTo(1200);
        assertThat(lastRefusal.headers().firstValue("Retry-After")).isPresent();
        int valid = send(post("/api/v1/cti/demo-cti-token", call()).header("X-Forwarded-For", client))
                .statusCode();
        assertThat(valid).isIn(200, 429);
        throughSinceSpent += valid == 200 ? 1 : 0;
        assertThat(throughSinceSpent)
                .as("a valid token right after wrong ones used the limit up")
                .isLessThanOrEqualTo(refilledSinceSpent(new Limit(1200, Duration.ofMinutes(1))));
        usedUp(() -> send(post("/api/v1/cti/not-the-token", "{}").header("X-Forwarded-For", client)));
        assertNoSpellingGetsThrough(
                client,
                new Limit(1200, Duration.ofMinutes(1)),
                "POST",
                "/api/v1/cti/demo-cti-token",
                "demo-cti-token",
                Map.of(),
                call());
        assertThat(send(post("/api/v1/%63ti/demo-cti-token", call()).header("X-Forwarded-For", "198.51.100.51"))
                        .statusCode())
                .isEqualTo(200);
    }

    private record Limit(long capacity, Duration period) {}

    private static final Limit REPORTS = new Limit(10, Duration.ofMinutes(10));
    private static final Limit FIVE_IN_TEN_MINUTES = new Limit(5, Duration.ofMinutes(10));
    private static final Limit SIXTY_A_MINUTE = new Limit(60, Duration.ofMinutes(1));

    /**
     * When the bucket was last seen empty: the moment the request that got the first 429 was sent
     * (the server found it empty after that), and how many got through since. The bucket refills
     * evenly, so on a slow machine a few may: never more than it refilled since then.
     */
    private long spentAt;

    private long throughSinceSpent;
    private HttpResponse<String> lastRefusal;

    /** Sends until the allowance is spent (the first 429); how many were let through. */
    private int usedUp(Supplier<HttpResponse<String>> request) {
        for (int sent = 0; sent < 5000; sent++) {
            long sending = System.nanoTime();
            HttpResponse<String> response = request.get();
            if (response.statusCode() == 429) {
                spentAt = sending;
                throughSinceSpent = 0;
                lastRefusal = response;
                return sent;
            }
        }
        throw new AssertionError("never limited");
    }

    private long refilledSinceSpent(Limit limit) {
        return (long) Math.ceil((System.nanoTime() - spentAt)
                * (double) limit.capacity()
                / limit.period().toNanos());
    }

    /**
     * Right after the allowance is spent, every spelling of a valid request: none may get through
     * beyond what the bucket refilled meanwhile (it refills evenly, capacity per period).
     */
    private void assertNoSpellingGetsThrough(
            String client,
            Limit limit,
            String method,
            String path,
            String variable,
            Map<String, String> headers,
            String body) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        spellings(path, variable).forEach((name, spelled) -> {
            var request = method.equals("GET") ? get(spelled) : write(method, spelled, body == null ? "" : body);
            request.header("X-Forwarded-For", client);
            headers.forEach(request::header);
            answers.put(name + " " + spelled, send(request).statusCode());
        });
        throughSinceSpent +=
                answers.values().stream().filter(status -> status / 100 == 2).count();
        assertThat(throughSinceSpent)
                .as(method + " " + path + " spelled differently right after the limit: " + answers)
                .isLessThanOrEqualTo(refilledSinceSpent(limit));
    }

    /** The same route, spelled as a client might to slip past a limit matched on the raw URI. */
    static Map<String, String> spellings(String path, String variable) {
        String[] segments = path.substring(1).split("/");
        int last = segments.length - 1;
        while (segments[last].equals(variable)) {
            last--;
        }
        Map<String, String> spelled = new LinkedHashMap<>();
        spelled.put("as mapped", path);
        spelled.put("last word encoded", join(segments, last, s -> encodeFirst(s)));
        StringBuilder everyWord = new StringBuilder();
        for (String segment : segments) {
            everyWord.append('/').append(segment.equals(variable) ? segment : encodeFirst(segment));
        }
        spelled.put("every word encoded", everyWord.toString());
        spelled.put("doubled slash", path.replaceFirst("/v1/", "/v1//"));
        spelled.put("leading doubled slash", "/" + path);
        spelled.put("trailing slash", path + "/");
        spelled.put("upper case", join(segments, last, s -> s.toUpperCase(Locale.ROOT)));
        spelled.put("capital", join(segments, last, s -> Character.toUpperCase(s.charAt(0)) + s.substring(1)));
        spelled.put("API", path.replaceFirst("/api/", "/API/"));
        spelled.put("dot segment", join(segments, last, s -> "./" + s));
        spelled.put("dot-dot segment", join(segments, last, s -> "x/../" + s));
        spelled.put("encoded dot segment", join(segments, last, s -> "%2e/" + s));
        spelled.put("path parameter", join(segments, last, s -> s + ";p=1"));
        spelled.put("encoded slash", path.replaceFirst("/v1/", "/v1%2F"));
        spelled.put("encoded backslash", path.replaceFirst("/v1/", "/v1%5C"));
        if (variable != null) {
            spelled.put("variable lower case", path.replace(variable, variable.toLowerCase(Locale.ROOT)));
            spelled.put("variable upper case", path.replace(variable, variable.toUpperCase(Locale.ROOT)));
            spelled.put("variable encoded", path.replace(variable, variable.replace("-", "%2D")));
        }
        return spelled;
    }

    private static String join(String[] segments, int changed, UnaryOperator<String> change) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            path.append('/').append(i == changed ? change.apply(segments[i]) : segments[i]);
        }
        return path.toString();
    }

    private static String encodeFirst(String segment) {
        return String.format("%%%02X", (int) segment.charAt(0)) + segment.substring(1);
    }

    private static final String CHAT = "{\"topic\":\"Noise next door\",\"anyoneInDanger\":false}";

    private JsonNode startChat(String client) {
        HttpResponse<String> started = send(post("/api/v1/chats", CHAT).header("X-Forwarded-For", client));
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode chat = StaffSession.json(started);
        await().until(() -> jdbc.sql("select count(*) from chat_session where contact_id = :id")
                        .param("id", chat.path("contactId").asText())
                        .query(Long.class)
                        .single()
                == 1);
        return chat;
    }

    private static String callback() {
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return "{\"name\":\"Pat\",\"phone\":\"07700 900123\",\"topic\":\"About my report\",\"windowStart\":\"" + start
                + "\",\"windowEnd\":\"" + start.plus(2, ChronoUnit.HOURS) + "\",\"anyoneInDanger\":false}";
    }

    private static String call() {
        return "{\"event\":\"newCall\",\"callId\":\"" + UUID.randomUUID()
                + "\",\"from\":\"07700900555\",\"to\":\"101\"}";
    }
}
