package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.IntegrationTest;

/**
 * Whichever layer refuses a request (Tomcat before the app runs, Spring Security's firewall,
 * the input policy, Spring MVC), the answer is ours: problem JSON, or a plain page for a
 * browser, with the security headers of the app's own answers and nothing of the request in it.
 * Sent on raw sockets, since no HTTP client library sends most of these.
 */
class ErrorsAreOursTest extends IntegrationTest {

    /** Request target and extra header lines, by which layer refuses them (found by hand with curl --path-as-is). */
    private static Map<String, String[]> refusedBefore() {
        Map<String, String[]> refused = new LinkedHashMap<>();
        // Tomcat, before the app: its own checks of the request line, the path and the headers.
        refused.put("an encoded slash", new String[] {"/api/v1/cases/a%2Fb/tracking"});
        refused.put("an encoded NUL in the path", new String[] {"/api/v1/cases/%00/tracking"});
        refused.put("invalid UTF-8 in the path", new String[] {"/api/v1/cases/%C3%28/tracking"});
        refused.put("an encoded backslash", new String[] {"/api/v1/cases/a%5Cb/tracking"});
        refused.put("a raw '|' in the path", new String[] {"/api/v1/a|b"});
        refused.put("a broken percent-encoding", new String[] {"/api/v1/%"});
        refused.put("a NUL in a header", new String[] {"/api/v1/chats/x", "X-Chat-Token: a\u0000b"});
        refused.put("a control character in a header", new String[] {"/api/v1/chats/x", "X-Chat-Token: a\u0001b"});
        refused.put(
                "a header over the size limit", new String[] {"/api/v1/chats/x", "X-Padding: " + "a".repeat(20_000)});
        // Spring Security's StrictHttpFirewall, before the app's filters see a request it rejects.
        refused.put("a path parameter", new String[] {"/api/v1/cases/a;x=1/tracking"});
        refused.put("a doubled slash", new String[] {"/api/v1/cases/a//b/tracking"});
        refused.put("an encoded percent sign", new String[] {"/api/v1/cases/%25/tracking"});
        // The input policy.
        refused.put("a C1 control in a header", new String[] {"/api/v1/chats/x", "X-Chat-Token: a\u0085b"});
        refused.put("a control character in the decoded path", new String[] {"/api/v1/cases/%01/tracking"});
        refused.put("invalid UTF-8 in the query", new String[] {"/api/v1/chats/x?after=%C3%28"});
        refused.put("a malformed Origin on the socket's handshake", new String[] {
            "/ws",
            "Connection: Upgrade",
            "Upgrade: websocket",
            "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Origin: %%"
        });
        return refused;
    }

    @Test
    void everyRefusalIsA400InOurProblemJsonWithOurHeaders() {
        for (Map.Entry<String, String[]> refused : refusedBefore().entrySet()) {
            String[] request = refused.getValue();
            String[] headers = Arrays.copyOfRange(request, 1, request.length);
            RawHttp.Answer answer = RawHttp.get(port, request[0], headers);
            assertThat(answer.status())
                    .as(refused.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            assertOurs(answer, refused.getKey());
            assertThat(answer.header("Content-Type")).as(refused.getKey()).startsWith("application/problem+json");
            assertThat(answer.body())
                    .as(refused.getKey())
                    .contains("\"status\":400")
                    .doesNotContain("tracking", "x=1", "%%");
        }
    }

    @Test
    void aBrowserAskingForAPageGetsAPlainOne() {
        RawHttp.Answer answer = RawHttp.get(
                port,
                "/api/v1/cases/a%2Fb/tracking",
                "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(answer.status()).isEqualTo(400);
        assertOurs(answer, "a page");
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body()).contains("<h1>Bad Request</h1>").doesNotContain("<script", "<style", "Tomcat");

        RawHttp.Answer refused = RawHttp.get(port, "/track?q=%00", "Accept: text/html");
        assertThat(refused.status()).isEqualTo(400);
        assertOurs(refused, "a refused parameter, as a page");
        assertThat(refused.body()).contains("<li>q: Contains hidden control characters");
    }

    @Test
    void aBrowserAskingForAnAddressThatIsNobodysGetsTheServicesPageNotFound() {
        RawHttp.Answer page = RawHttp.get(port, "/no-such-page/here", "Accept: text/html,application/xhtml+xml");
        assertThat(page.status()).isEqualTo(404);
        assertOurs(page, "an unknown page");
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"root\"");

        // Unknown API addresses stay the API's: refused to the signed-out, never the app's page.
        RawHttp.Answer api = RawHttp.get(port, "/api/v1/no-such-thing", "Accept: text/html");
        assertThat(api.status()).isIn(401, 404);
        assertThat(api.body()).doesNotContain("<div id=\"root\"");
        RawHttp.Answer file = RawHttp.get(port, "/assets/missing.js", "Accept: text/html");
        assertThat(file.status()).isEqualTo(404);
        assertThat(file.body()).doesNotContain("<div id=\"root\"");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        RawHttp.Answer answer = RawHttp.get(port, "/error");
        assertThat(answer.status()).isEqualTo(404);
        assertOurs(answer, "/error");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":404").doesNotContain("999");
    }

    @Test
    void refusalsByMethodAndByTheRulesAreOursToo() {
        RawHttp.Answer trace = RawHttp.send(
                port,
                "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("Connection: close");
        assertOurs(trace, "TRACE");

        RawHttp.Answer invented = RawHttp.send(
                port,
                "FOO / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(invented.status()).isEqualTo(405);
        assertOurs(invented, "FOO");

        RawHttp.Answer forbidden = RawHttp.send(
                port,
                ("DELETE /api/v1/anything HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(forbidden.status()).isEqualTo(403);
        assertOurs(forbidden, "DELETE");
    }

    private static void assertOurs(RawHttp.Answer answer, String what) {
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
        assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(answer.header("Cache-Control")).as(what).contains("no-store");
        assertThat(answer.header("Permissions-Policy")).as(what).contains("camera=()");
        assertThat(answer.header("Cross-Origin-Opener-Policy")).as(what).isEqualTo("same-origin");
        assertThat(answer.header("Server")).as(what).isEmpty();
    }
}
