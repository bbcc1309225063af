package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;

/**
 * Wrong tracking codes slow down whoever sends them, per address and reference and per address
 * in total, never the citizen who holds the right code. References are sequential, so anyone
 * could otherwise lock anyone out.
 */
class TrackingLockoutTest extends ProductionLimits {

    private record Case(String reference, String code) {}

    @Test
    void aGuesserIsLockedOutWhileTheCitizenWithTheRightCodeGetsInFromAnotherAddress() {
        Case reported = reported("198.51.100.60");
        String guesser = "198.51.100.61";
        String citizen = "198.51.100.62";
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(track(reported.reference(), wrongCode(attempt), guesser).statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> locked = track(reported.reference(), reported.code(), guesser);
        assertThat(locked.statusCode())
                .as("the guesser, even with the right code")
                .isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 30L);

        assertThat(track(reported.reference(), reported.code(), citizen).statusCode())
                .isEqualTo(200);
        for (int attempt = 5; attempt < 8; attempt++) {
            assertThat(track(reported.reference(), wrongCode(attempt), guesser).statusCode())
                    .isEqualTo(429);
            assertThat(track(reported.reference(), reported.code(), citizen).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void guessesSentAllAtOnceAreCountedBeforeAnyIsChecked() throws Exception {
        Case reported = reported("198.51.100.69");
        String guesser = "198.51.100.59";
        var threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int attempt = 0; attempt < 24; attempt++) {
                int guess = attempt;
                answers.add(threads.submit(() ->
                        track(reported.reference(), wrongCode(guess), guesser).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses.stream().filter(status -> status == 404).count())
                    .as(statuses.toString())
                    .isEqualTo(5);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void oneAddressCannotSweepManyReferencesFourGuessesAtATime() {
        String sweeper = "198.51.100.63";
        // Sequential references, four wrong codes each: never enough to lock one reference...
        for (int reference = 0; reference < 5; reference++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                assertThat(track("BL-2026-7000" + (10 + reference), wrongCode(attempt), sweeper)
                                .statusCode())
                        .isEqualTo(404);
            }
        }
        // ...but twenty in all lock the address out of every reference, for a while.
        HttpResponse<String> locked = track("BL-2026-700099", wrongCode(0), sweeper);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(track("BL-2026-700099", wrongCode(0), "198.51.100.64").statusCode())
                .as("another address")
                .isEqualTo(404);
    }

    @Test
    void aMalformedCodeIsRefusedBeforeItCounts() {
        Case reported = reported("198.51.100.65");
        String client = "198.51.100.66";
        for (String malformed : new String[] {
            "WRONG-CODE", "1234", "7KQ4-M2XP-9HT", "7KQ4-M2XP-9HTDX", "0OIL-2222-AAAA", "7KQ4-M2XP-9HT!"
        }) {
            HttpResponse<String> refused = track(reported.reference(), malformed, client);
            assertThat(refused.statusCode()).as(malformed).isEqualTo(400);
            assertThat(StaffSession.json(refused)
                            .path("errors")
                            .path(0)
                            .path("field")
                            .asText())
                    .isEqualTo("X-Tracking-Code");
        }
        // No code at all gets the answer a miss gets, and is no guess either.
        assertThat(track(reported.reference(), null, client).statusCode()).isEqualTo(404);
        assertThat(track(reported.reference(), " ", client).statusCode()).isEqualTo(404);
        // None of the eight counted: the right code still gets in from the same address, typed as
        // a citizen might (lower case, spaces instead of dashes).
        String typed = reported.code().toLowerCase(Locale.ROOT).replace('-', ' ');
        assertThat(track(reported.reference(), typed, client).statusCode()).isEqualTo(200);
    }

    @Test
    void floodingACaseFromManyAddressesDoesNotLockOutItsCitizen() {
        Case reported = reported("198.51.100.67");
        for (int address = 0; address < 40; address++) {
            assertThat(track(reported.reference(), wrongCode(address), "198.51.101." + address)
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(track(reported.reference(), reported.code(), "198.51.100.68").statusCode())
                .isEqualTo(200);
    }

    private Case reported(String client) {
        JsonNode created = StaffSession.json(
                send(post("/api/v1/reports", Api.validReport().toString()).header("X-Forwarded-For", client)));
        String reference = created.path("reference").asText();
        // Waited for in the database: tracking requests count against the limits under test.
        await().until(() -> jdbc.sql("select count(*) from case_tracking where reference = :reference")
                        .param("reference", reference)
                        .query(Long.class)
                        .single()
                == 1);
        return new Case(reference, created.path("trackingCode").asText());
    }

    private HttpResponse<String> track(String reference, String code, String client) {
        var request = get("/api/v1/cases/" + reference + "/tracking").header("X-Forwarded-For", client);
        if (code != null) {
            request.header("X-Tracking-Code", code);
        }
        return send(request);
    }

    /** Well formed (twelve symbols of the alphabet) and, with odds of one in 2^59, wrong. */
    private static String wrongCode(int attempt) {
        String symbols = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return "ZZZZ-ZZZZ-ZZ" + symbols.charAt(attempt % symbols.length()) + symbols.charAt(attempt / symbols.length());
    }
}
