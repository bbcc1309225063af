package uk.police.bluelamp.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import uk.police.bluelamp.app.BlueLampApplication;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.ContactReceived;

/**
 * How a stored event holds personal data (docs/adr/0017): a sealed object where the text was,
 * opened only where the type has personal data; the legacy {@code pii:v1:} string still opens
 * there when it is ours, and is the text it is when it is not.
 */
// In the erasure package to reach the cipher; the application class named so the shared context is found.
@SpringBootTest(classes = BlueLampApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SealedValuesTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    @Autowired
    private SubjectKeys keys;

    @Autowired
    @Qualifier("serializer")
    private Serializer general;

    @Test
    void personalDataIsStoredAsASealedObjectAndEverythingElseAsTheTextItIs() throws IOException {
        ContactReceived received = received(UUID.randomUUID().toString(), "pii:v1:x", "pii:v1:x");

        JsonNode stored = JSON.readTree(events.serialize(received, byte[].class).getData());

        JsonNode description = stored.path("details").path("description");
        assertThat(description.isObject()).as(stored.toString()).isTrue();
        assertThat(description.path("pii").asInt()).isEqualTo(2);
        assertThat(description.path("subject").asText())
                .isEqualTo(keys.subjectOf(received.contactId()).orElseThrow());
        assertThat(stored.toString()).doesNotContain("Sam Smith", "\"description\":\"pii:v1:x\"");
        assertThat(stored.path("details").path("occurredTime").asText()).isEqualTo("pii:v1:x");
        assertThat(read(stored)).isEqualTo(received);
    }

    @Test
    void legacyCiphertextOpensWherePersonalDataSitsAndAnythingElseShapedLikeItIsText() throws IOException {
        String contactId = UUID.randomUUID().toString();
        ObjectNode stored =
                (ObjectNode) JSON.readTree(events.serialize(received(contactId, "Mill Lane", "about 3pm"), byte[].class)
                        .getData());
        String subject = keys.subjectOf(contactId).orElseThrow();
        SecretKey key = keys.keyForReading(subject).orElseThrow();
        String legacy = PersonalDataCipher.LEGACY_PREFIX + subject + ":"
                + Base64.getEncoder()
                        .encodeToString(PersonalDataCipher.encrypt(key, new SecureRandom(), subject, "Sam Smith"));
        String sealedForAnother = PersonalDataCipher.LEGACY_PREFIX + "someone-else:"
                + Base64.getEncoder()
                        .encodeToString(PersonalDataCipher.encrypt(key, new SecureRandom(), "someone-else", "x"));
        ObjectNode reporter = (ObjectNode) stored.path("reporter");
        ObjectNode details = (ObjectNode) stored.path("details");
        reporter.put("name", legacy);
        reporter.put("email", "pii:v1:x");
        reporter.put("phone", PersonalDataCipher.LEGACY_PREFIX + subject + ":not base64!");
        details.put("description", PersonalDataCipher.LEGACY_PREFIX + subject + ":QUJD");
        details.put("location", PersonalDataCipher.LEGACY_PREFIX + subject + ":" + "A".repeat(48));
        details.put("occurredTime", legacy);
        stored.put("caseReference", legacy);

        ContactReceived read = read(stored);

        assertThat(read.reporter().name()).as("ours, where personal data sits").isEqualTo("Sam Smith");
        assertThat(read.reporter().email()).as("too short").isEqualTo("pii:v1:x");
        assertThat(read.reporter().phone()).as("not base64").endsWith(":not base64!");
        assertThat(read.details().description()).as("shorter than a ciphertext").endsWith(":QUJD");
        assertThat(read.details().location()).as("not sealed under this key").endsWith("A".repeat(48));
        assertThat(read.details().occurredTime())
                .as("never personal, so never opened")
                .isEqualTo(legacy);
        assertThat(read.caseReference()).isEqualTo(legacy);
        details.put("description", sealedForAnother);
        assertThat(read(stored).details().description())
                .as("a subject with no key reads as erased")
                .isEqualTo("[erased]");

        JsonNode revealed = JSON.readTree(((PersonalDataSerializer) events)
                .reveal(JSON.writeValueAsBytes(stored), events.typeForClass(ContactReceived.class)));
        assertThat(revealed.path("reporter").path("name").asText()).isEqualTo("Sam Smith");
        assertThat(revealed.path("reporter").path("email").asText()).isEqualTo("pii:v1:x");
        assertThat(revealed.path("details").path("occurredTime").asText()).isEqualTo(legacy);
    }

    @Test
    void sealedValuesOpenAsTheyAreBoundExactlyAsTheTreeOpensThem() throws IOException {
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) {
            ContactReceived received = new ContactReceived(
                    UUID.randomUUID().toString(),
                    Channel.WEB,
                    "BL-2026-000009",
                    new ReportDetails(
                            ReportCategory.THEFT,
                            text(random),
                            text(random),
                            LocalDate.of(2026, 1, 2),
                            random.nextBoolean() ? null : text(random)),
                    new Reporter(text(random), random.nextBoolean() ? null : text(random), text(random)),
                    new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY),
                    Instant.parse("2026-01-02T10:00:00Z"));
            byte[] stored = events.serialize(received, byte[].class).getData();

            assertThat(read(JSON.readTree(stored))).as("opened as bound").isEqualTo(received);
            byte[] revealed =
                    ((PersonalDataSerializer) events).reveal(stored, events.typeForClass(ContactReceived.class));
            assertThat((ContactReceived) general.deserialize(new SimpleSerializedObject<>(
                            revealed, byte[].class, general.typeForClass(ContactReceived.class))))
                    .as("opened in the tree")
                    .isEqualTo(received);
        }
    }

    @Test
    void aSealedValueThatWillNotOpenAsItIsBoundSaysWhyAndOneWithoutAKeyReadsAsErased() throws IOException {
        String contactId = UUID.randomUUID().toString();
        ObjectNode stored =
                (ObjectNode) JSON.readTree(events.serialize(received(contactId, "Mill Lane", "about 3pm"), byte[].class)
                        .getData());
        ObjectNode name = (ObjectNode) stored.path("reporter").path("name");
        byte[] ciphertext = Base64.getDecoder().decode(name.path("sealed").asText());

        ciphertext[ciphertext.length - 1] ^= 1;
        name.put("sealed", Base64.getEncoder().encodeToString(ciphertext));
        assertThatThrownBy(() -> read(stored))
                .as("changed by one bit")
                .isInstanceOf(SerializationException.class)
                .hasMessage("A sealed personal value does not open under its subject's key");

        name.put("sealed", "not base64!");
        assertThatThrownBy(() -> read(stored))
                .as("not base64")
                .hasMessage("A sealed personal value in a stored event is not base64");

        name.put("pii", 3);
        assertThatThrownBy(() -> read(stored))
                .as("a version we do not know")
                .hasMessage("A personal value in a stored event is in no form we know");

        SecretKey key =
                keys.keyForReading(keys.subjectOf(contactId).orElseThrow()).orElseThrow();
        name.put("pii", 2);
        name.put("subject", "someone-without-a-key");
        name.put(
                "sealed",
                Base64.getEncoder()
                        .encodeToString(PersonalDataCipher.encrypt(
                                key, new SecureRandom(), "someone-without-a-key", "Sam Smith")));
        assertThat(read(stored).reporter().name()).isEqualTo("[erased]");
    }

    /** Text as people type it, and as no one should: quotes, escapes, other scripts, astral characters. */
    private static String text(Random random) {
        String[] pieces = {
            "Mill Lane", "\"", "\\", "{\"pii\":2}", "O\u2019Brien", "\u00e9", "\uD83D\uDE93", "\n", " ", "a"
        };
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    @Test
    void aReaderThatKeepsNothingPersonalGetsEverythingButThePersonalValuesWhichStayClosed() throws IOException {
        ContactReceived received = received(UUID.randomUUID().toString(), "Mill Lane", "about 3pm");
        ObjectNode stored = (ObjectNode)
                JSON.readTree(events.serialize(received, byte[].class).getData());
        Serializer closed = ((PersonalDataSerializer) events).closed();

        ContactReceived read = closed.deserialize(new SimpleSerializedObject<>(
                JSON.writeValueAsBytes(stored), byte[].class, events.typeForClass(ContactReceived.class)));

        assertThat(read.reporter().name()).isEqualTo(PersonalDataSerializer.NOT_OPENED);
        assertThat(read.details().description()).isEqualTo(PersonalDataSerializer.NOT_OPENED);
        assertThat(read.details().location()).isEqualTo(PersonalDataSerializer.NOT_OPENED);
        assertThat(read.details().occurredTime()).as("never personal").isEqualTo("about 3pm");
        assertThat(read)
                .usingRecursiveComparison()
                .ignoringFields(
                        "reporter.name", "reporter.email", "reporter.phone", "details.description", "details.location")
                .isEqualTo(received);

        ((ObjectNode) stored.path("reporter")).putObject("name").put("not", "sealed");
        assertThatThrownBy(() -> closed.deserialize(new SimpleSerializedObject<>(
                        JSON.writeValueAsBytes(stored), byte[].class, events.typeForClass(ContactReceived.class))))
                .as("an object in no form we know fails, as it does when opened")
                .hasMessageContaining("ContactReceived");
    }

    @Test
    void everyEventsMetadataReadsAsAxonsOwnSerializerReadsIt() {
        MetaData written = MetaData.from(Map.of(
                "correlationId",
                UUID.randomUUID().toString(),
                "traceId",
                "O\u2019Brien \"quoted\" \u00e9",
                "attempt",
                3,
                "nested",
                Map.of("from", "web", "values", List.of("a", "b"))));
        SerializedObject<byte[]> stored = events.serialize(written, byte[].class);
        MetaData axons = general.deserialize(stored);

        assertThat(axons).isEqualTo(written);
        assertThat((MetaData) events.deserialize(stored)).isEqualTo(axons);
        assertThat((MetaData) ((PersonalDataSerializer) events).closed().deserialize(stored))
                .as("read with sealed values closed too")
                .isEqualTo(axons);
        assertThat((MetaData) events.deserialize(events.serialize(MetaData.emptyInstance(), byte[].class)))
                .isEmpty();
    }

    private ContactReceived read(JsonNode stored) throws IOException {
        SerializedObject<byte[]> bytes = new SimpleSerializedObject<>(
                JSON.writeValueAsBytes(stored), byte[].class, events.typeForClass(ContactReceived.class));
        return events.deserialize(bytes);
    }

    private static ContactReceived received(String contactId, String location, String occurredTime) {
        return new ContactReceived(
                contactId,
                Channel.WEB,
                "BL-2026-000009",
                new ReportDetails(ReportCategory.THEFT, "pii:v1:x", location, LocalDate.of(2026, 1, 2), occurredTime),
                new Reporter("Sam Smith", "sam@example.org", "07700900123"),
                new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY),
                Instant.parse("2026-01-02T10:00:00Z"));
    }
}
