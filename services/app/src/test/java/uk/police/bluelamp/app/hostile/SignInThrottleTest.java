package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.StaffSession;

/** The demo's password form slows down a client that keeps trying, and a username someone keeps guessing. */
class SignInThrottleTest extends ProductionLimits {

    private static final String LOGIN = "/api/v1/staff/login";

    @Test
    void aClientIsHeldAfterTwentyAttemptsWhateverTheyTriedAndAnotherClientIsNot() {
        String client = "198.51.100.70";
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(signIn(LOGIN, "nobody-" + UUID.randomUUID(), "wrong", client)
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> held = signIn(LOGIN, "handler", "blue-lamp-handler", client);
        assertThat(held.statusCode()).as("even with the right password").isEqualTo(429);
        // Twenty per ten minutes refills one every thirty seconds.
        assertThat(Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 30L);
        assertThat(held.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(StaffSession.json(held).path("title").asText()).isEqualTo("Too many requests");
        assertThat(signIn(LOGIN, "handler", "blue-lamp-handler", "198.51.100.71")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUsernameIsHeldAfterFiveFailuresFromAnywhereInAnyCaseButSuccessesCostNothing() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String spelled = attempt % 2 == 0 ? "supervisor" : "SuperVisor";
            assertThat(signIn(LOGIN, spelled, "wrong-" + attempt, "198.51.100.8" + attempt)
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> held = signIn(LOGIN, "SUPERVISOR", "blue-lamp-supervisor", "198.51.100.89");
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();

        for (int attempt = 0; attempt < 8; attempt++) {
            assertThat(signIn(LOGIN, "auditor", "blue-lamp-auditor", "198.51.100.9" + attempt)
                            .statusCode())
                    .as("sign-in " + attempt)
                    .isEqualTo(200);
        }
    }

    @Test
    void noSpellingOfTheFormGetsPastAClientsLimit() {
        String client = "198.51.100.72";
        int allowed = 0;
        while (allowed < 100
                && signIn(LOGIN, "nobody-" + UUID.randomUUID(), "wrong", client).statusCode() != 429) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(20);
        Map<String, Integer> answers = new LinkedHashMap<>();
        LimitSpellingsTest.spellings(LOGIN, null)
                .forEach((name, spelled) -> answers.put(
                        name + " " + spelled,
                        signIn(spelled, "admin", "blue-lamp-admin", client).statusCode()));
        // Twenty per ten minutes: nothing refills while these are sent.
        assertThat(answers)
                .as("the right password, right after the limit, however the form is spelled")
                .allSatisfy(
                        (spelling, status) -> assertThat(status).as(spelling).isNotEqualTo(200));
        assertThat(answers).containsValue(429);
    }

    private HttpResponse<String> signIn(String path, String username, String password, String client) {
        return StaffSession.signInFrom(port, path, username, password, client);
    }
}
