package uk.police.bluelamp.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.FakeNotify;
import uk.police.bluelamp.app.IntegrationTest;

/** A citizen holding their code can have it sent to the address they gave, a few times a day, and no one else can. */
class TrackingCodeSentTest extends IntegrationTest {

    private Api.Response sendCode(Api api, String reference, String code) {
        return api.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/cases/" + reference + "/send-code"))
                .header("X-Tracking-Code", code)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void theReferenceAndCodeGoToTheEmailAddressGivenThreeTimesADayAtMost() {
        Api api = new Api(port);
        Api.Response created = api.report(Api.validReport());
        String reference = created.text("reference");
        String code = created.text("trackingCode");

        Api.Response sent = sendCode(api, reference, code.toLowerCase().replace("-", " "));
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(200);
        assertThat(sent.text("sentBy")).isEqualTo("EMAIL");
        JsonNode email = codeSentFor(reference);
        assertThat(email.path("email_address").asText()).isEqualTo("sam@example.com");
        assertThat(email.path("personalisation").path("code").asText()).isEqualTo(code);

        assertThat(sendCode(api, reference, code).status()).isEqualTo(200);
        assertThat(sendCode(api, reference, code).status()).isEqualTo(200);
        Api.Response fourth = sendCode(api, reference, code);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.text("detail")).contains("3 times today");
    }

    /** The language switch sends Accept-Language: the report is refused in Welsh, kept as Welsh, answered in Welsh. */
    @Test
    void aReportMadeInWelshIsAnsweredInWelshAndItsCodeGoesByTheWelshTemplate() {
        Api api = new Api(port);
        var noPlace = Api.validReport();
        noPlace.put("location", " ");
        Api.Response refused = api.send(inWelsh(noPlace));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("message").asText())
                .isEqualTo("Rhowch le y digwyddodd");

        Api.Response created = api.send(inWelsh(Api.validReport()));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String reference = created.text("reference");
        assertThat(sendCode(api, reference, created.text("trackingCode")).status())
                .isEqualTo(200);
        JsonNode email = FakeNotify.get().sent().stream()
                .map(FakeNotify.Sent::body)
                .filter(body ->
                        body.path("personalisation").path("reference").asText().equals(reference))
                .findFirst()
                .orElseThrow();
        assertThat(email.path("template_id").asText()).isEqualTo(FakeNotify.WELSH_CODE_EMAIL_TEMPLATE);
        assertThat(email.path("personalisation").path("link").asText()).endsWith("?lang=cy");
    }

    private HttpRequest inWelsh(JsonNode report) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "cy")
                .POST(HttpRequest.BodyPublishers.ofString(report.toString()))
                .build();
    }

    @Test
    void aWrongCodeSendsNothingAndAReportWithNoAddressIsToldSo() {
        Api api = new Api(port);
        Api.Response created = api.report(Api.validReport());
        int before = FakeNotify.get().sent().size();
        assertThat(sendCode(api, created.text("reference"), "2222-3333-4444").status())
                .isEqualTo(404);
        assertThat(FakeNotify.get().sent()).hasSize(before);

        var anonymous = Api.validReport();
        anonymous.remove(List.of("name", "email"));
        anonymous.put("updateChannel", "ONLINE");
        Api.Response nobody = api.report(anonymous);
        assertThat(nobody.status()).as(nobody.raw().body()).isEqualTo(201);
        Api.Response refused = sendCode(api, nobody.text("reference"), nobody.text("trackingCode"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("write them down");
    }

    private static JsonNode codeSentFor(String reference) {
        return FakeNotify.get().sent().stream()
                .map(FakeNotify.Sent::body)
                .filter(body -> body.path("template_id").asText().equals(FakeNotify.CODE_EMAIL_TEMPLATE))
                .filter(body ->
                        body.path("personalisation").path("reference").asText().equals(reference))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no code sent for " + reference));
    }
}
