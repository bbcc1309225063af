package uk.police.bluelamp.app.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;

/**
 * A handler opening or joining a case sees the recent cases of anyone who gave the same phone
 * number, email address or postcode, and can link two cases about one matter.
 */
class OneCasePerMatterTest extends IntegrationTest {

    private StaffSession handler;

    @BeforeEach
    void signIn() {
        handler = StaffSession.signedIn(port, "handler", "blue-lamp-handler");
    }

    @Test
    void aCaseSharingTheCitizensDetailsIsSuggestedAndTheTwoAreLinkedBothWays() {
        String email = "same-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        String postcode = randomPostcode();
        String first = report(email, "07700 900" + digits(3), "12 Mill Lane, " + postcode);
        String second = report(email.toUpperCase(), "07700 900" + digits(3), "Near the station");
        String unrelated = report("other-" + email, null, "Elsewhere " + randomPostcode());
        String samePlace = report("third-" + email, null, "Opposite 3 Mill Lane " + postcode.replace(" ", ""));

        JsonNode suggested = StaffSession.json(handler.get("/api/v1/staff/cases/" + second + "/possible-duplicates"));
        assertThat(suggested.findValuesAsText("reference")).contains(first).doesNotContain(second, unrelated);
        assertThat(sharing(suggested, first)).containsExactly("email address");
        JsonNode byPlace = StaffSession.json(handler.get("/api/v1/staff/cases/" + samePlace + "/possible-duplicates"));
        assertThat(sharing(byPlace, first)).containsExactly("postcode");

        assertThat(handler.post("/api/v1/staff/cases/" + second + "/links", Map.of("reference", first))
                        .statusCode())
                .isEqualTo(204);
        await().until(() -> linked(first).contains(second) && linked(second).contains(first));
        assertThat(StaffSession.json(handler.get("/api/v1/staff/cases/" + second + "/possible-duplicates"))
                        .findValuesAsText("reference"))
                .as("a case already linked is no longer suggested")
                .doesNotContain(first);
        // Linking again changes nothing.
        assertThat(handler.post("/api/v1/staff/cases/" + first + "/links", Map.of("reference", second.toLowerCase()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(linked(first)).containsExactly(second);

        StaffSession auditor = StaffSession.signedIn(port, "auditor", "blue-lamp-auditor");
        await().until(
                        () -> StaffSession.json(auditor.get("/api/v1/audit/access?reference=" + first)),
                        views -> views.findParents("view").stream()
                                .anyMatch(v -> v.path("view").asText().equals("possible duplicates")
                                        && v.path("viewer").asText().equals("handler")));
    }

    @Test
    void aLinkToItselfOrToNoCaseIsRefusedAndChangesNothing() {
        String reference = report("alone-" + digits(6) + "@example.org", null, "Somewhere");
        long before = eventCount();
        assertRefused(handler.post("/api/v1/staff/cases/" + reference + "/links", Map.of("reference", reference)));
        assertRefused(
                handler.post("/api/v1/staff/cases/" + reference + "/links", Map.of("reference", "BL-1999-000001")));
        assertRefused(handler.post("/api/v1/staff/cases/" + reference + "/links", Map.of("reference", "not a case")));
        assertThat(eventCount()).isEqualTo(before);
        assertThat(linked(reference)).isEmpty();
    }

    @Test
    void aContactIsShownTheCasesOfAnyoneWhoGaveTheSamePhoneNumberButNotItsOwn() {
        String phone = "07700 901" + digits(3);
        String earlier = report("first-" + digits(6) + "@example.org", phone, "Somewhere");
        String later = report("second-" + digits(6) + "@example.org", "+44 " + phone.substring(1), "Somewhere else");
        String contactId = StaffSession.json(handler.get("/api/v1/staff/cases/" + later))
                .path("contacts")
                .get(0)
                .path("contactId")
                .asText();
        JsonNode possible = await().until(
                        () -> StaffSession.json(handler.get("/api/v1/staff/contacts/" + contactId + "/possible-cases")),
                        found -> found.findValuesAsText("reference").contains(earlier));
        assertThat(possible.findValuesAsText("reference")).doesNotContain(later);
        assertThat(sharing(possible, earlier)).containsExactly("phone number");
        // The web report's contact page names its case, so its summary joins it.
        assertThat(StaffSession.json(handler.get("/api/v1/staff/contacts/" + contactId))
                        .path("caseReference")
                        .asText())
                .isEqualTo(later);
    }

    private String report(String email, String phone, String location) {
        ObjectNode report = Api.validReport();
        report.put("email", email);
        if (phone != null) {
            report.put("phone", phone);
        }
        report.put("location", location);
        Api.Response created = api().report(report);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String reference = created.text("reference");
        await().until(() -> handler.get("/api/v1/staff/cases/" + reference).statusCode() == 200);
        return reference;
    }

    private List<String> linked(String reference) {
        return StaffSession.json(handler.get("/api/v1/staff/cases/" + reference))
                .path("linkedCases")
                .findValuesAsText("reference");
    }

    private static List<String> sharing(JsonNode found, String reference) {
        for (JsonNode c : found) {
            if (c.path("reference").asText().equals(reference)) {
                List<String> shared = new ArrayList<>();
                c.path("sharing").forEach(detail -> shared.add(detail.asText()));
                return shared;
            }
        }
        return List.of();
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(StaffSession.json(response).path("errors").findValuesAsText("field"))
                .containsExactly("reference");
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    private static String randomPostcode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + random.nextInt(10) + " "
                + random.nextInt(10) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }
}
