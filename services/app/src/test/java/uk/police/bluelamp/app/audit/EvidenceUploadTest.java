package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.servers.Clamd;
import uk.police.bluelamp.platform.personaldata.FileKeys;

/**
 * Evidence from the tracking page, end to end against a real clamd: a photo is kept exactly, its
 * SHA-256 sealed into the chain, and shown to the handler with a preview, every look logged; the
 * EICAR test file is refused with nothing kept; an erasure leaves the stored file unreadable.
 */
class EvidenceUploadTest extends AuditSupport {

    @Autowired
    FileKeys fileKeys;

    record Sent(String reference, String trackingCode) {}

    @Test
    void aPhotoIsKeptExactlyWithItsHashChainedAndTheHandlerSeesItsPreviewThroughTheAccessLog() throws Exception {
        Sent sent = reported();
        byte[] photo = png(1200, 800);

        HttpResponse<String> upload = upload(sent, "../bike on the rack.png", photo);

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(json(upload).path("fileName").asText()).isEqualTo("bike on the rack.png");
        assertThat(json(upload).path("sizeBytes").asLong()).isEqualTo(photo.length);
        String payload =
                jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :ref and payload_type like '%.casefile.EvidenceAttached'""").param("ref", sent.reference()).query(String.class).single();
        assertThat(payload).contains(sha256(photo), "image/png").doesNotContain("bike on the rack");
        byte[] firstChunk =
                jdbc.sql("""
                        select c.sealed from evidence_chunk c join evidence_file f using (evidence_id)
                        where f.stream_id = :ref and c.n = 0""").param("ref", sent.reference()).query(byte[].class).single();
        assertThat(HexFormat.of().formatHex(firstChunk)).as("stored encrypted").doesNotContain("89504e47");
        assertThat(new uk.police.bluelamp.app.Api(port)
                        .track(sent.reference(), sent.trackingCode())
                        .body()
                        .path("files")
                        .toString())
                .contains("bike on the rack.png");

        StaffSession handler = handler();
        await().atMost(WAIT)
                .until(() ->
                        handler.get("/api/v1/staff/cases/" + sent.reference()).statusCode() == 200);
        JsonNode files = json(handler.get("/api/v1/staff/cases/" + sent.reference() + "/evidence"));
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(files.get(0).path("previewable").asBoolean()).isTrue();
        String file = "/api/v1/staff/cases/" + sent.reference() + "/evidence/"
                + files.get(0).path("evidenceId").asText();

        HttpResponse<byte[]> original =
                handler.sendForBytes(HttpRequest.newBuilder(handler.uri(file)).build());
        HttpResponse<byte[]> preview = handler.sendForBytes(
                HttpRequest.newBuilder(handler.uri(file + "/preview")).build());

        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).as("the original, unchanged").isEqualTo(photo);
        assertThat(original.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "filename*=UTF-8''bike%20on%20the%20rack.png");
        assertThat(preview.statusCode()).isEqualTo(200);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertThat(small.getWidth()).isEqualTo(480);
        assertThat(small.getHeight()).isEqualTo(320);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                jdbc.sql("select view from access_log where reference = :ref and viewer = 'handler'")
                                        .param("ref", sent.reference())
                                        .query(String.class)
                                        .list())
                        .contains("case files", "case file", "case file preview"));
    }

    @Test
    void theEicarTestFileIsRefusedAsAVirusAndNothingIsKept() {
        Sent sent = reported();
        long files = count("evidence_file");
        long events = eventCount(sent.reference());
        byte[] eicar = Clamd.EICAR.getBytes(StandardCharsets.US_ASCII);
        byte[] eicarInAPdf = ("%PDF-1.4\n" + Clamd.EICAR + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        for (byte[] infected : new byte[][] {eicar, eicarInAPdf}) {
            HttpResponse<String> refused = upload(sent, "statement.pdf", infected);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(json(refused).path("errors").get(0).path("message").asText())
                    .isEqualTo("The selected file contains a virus");
        }
        HttpResponse<String> program = upload(sent, "photo.jpg", "MZ\u0090\u0000 not a photo".getBytes());
        assertThat(program.statusCode()).isEqualTo(415);
        assertThat(json(program).path("detail").asText()).startsWith("The selected file must be a JPG, PNG");
        HttpResponse<String> inWelsh = upload(sent, "statement.pdf", eicar, "cy");
        assertThat(json(inWelsh).path("errors").get(0).path("message").asText())
                .as("a citizen reading in Welsh is told in Welsh")
                .isEqualTo("Mae’r ffeil a ddewiswyd yn cynnwys feirws");

        assertThat(count("evidence_file")).isEqualTo(files);
        assertThat(eventCount(sent.reference())).as("no event stored").isEqualTo(events);
    }

    @Test
    void anErasureLeavesTheStoredFileUnreadable() throws Exception {
        Sent sent = reported();
        assertThat(upload(sent, "receipt.png", png(40, 30)).statusCode()).isEqualTo(201);
        Map<String, Object> stored = jdbc.sql(
                        "select evidence_id::text as id, subject_id, wrapped_key from evidence_file where stream_id = :ref")
                .param("ref", sent.reference())
                .query()
                .singleRow();
        assertThat(fileKeys.unwrap((String) stored.get("subject_id"), (byte[]) stored.get("wrapped_key")))
                .isPresent();

        HttpResponse<String> erased = StaffSession.signedIn(port, "admin", "blue-lamp-admin")
                .post(
                        "/api/v1/admin/erasures",
                        Map.of("reference", sent.reference(), "legalBasis", "DPA_2018_S47", "reason", "ERA-EVIDENCE"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        StaffSession handler = handler();
        // A handler reaches a file from the case page, so the case is on the handler's side first.
        await().atMost(WAIT)
                .until(() ->
                        handler.get("/api/v1/staff/cases/" + sent.reference()).statusCode() == 200);

        assertThat(fileKeys.unwrap((String) stored.get("subject_id"), (byte[]) stored.get("wrapped_key")))
                .as("a copy of the row taken before (a backup) no longer opens")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from evidence_chunk where evidence_id = :id::uuid")
                        .param("id", stored.get("id"))
                        .query(Long.class)
                        .single())
                .isZero();
        HttpResponse<String> download = getWithReason(
                handler, "/api/v1/staff/cases/" + sent.reference() + "/evidence/" + stored.get("id"), "ERA check");
        assertThat(download.statusCode()).isEqualTo(410);
        assertThat(upload(sent, "more.png", png(40, 30)).statusCode())
                .as("nothing more is kept for an erased person")
                .isIn(404, 410);
    }

    private Sent reported() {
        HttpResponse<String> created =
                new StaffSession(port).post("/api/v1/reports", uk.police.bluelamp.app.Api.validReport());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Sent(
                json(created).path("reference").asText(),
                json(created).path("trackingCode").asText());
    }

    private HttpResponse<String> upload(Sent sent, String name, byte[] bytes) {
        return upload(sent, name, bytes, "en");
    }

    private HttpResponse<String> upload(Sent sent, String name, byte[] bytes, String language) {
        StaffSession citizen = new StaffSession(port);
        return citizen.send(HttpRequest.newBuilder(citizen.uri("/api/v1/cases/" + sent.reference() + "/evidence?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Accept-Language", language)
                .header("Content-Type", "application/octet-stream")
                .header("X-Tracking-Code", sent.trackingCode())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long eventCount(String reference) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :ref")
                .param("ref", reference)
                .query(Long.class)
                .single();
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
