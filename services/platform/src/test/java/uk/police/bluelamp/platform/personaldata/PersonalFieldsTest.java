package uk.police.bluelamp.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;

/** Which parts of an event are personal data, and the cipher that hides them. */
class PersonalFieldsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theReportersDetailsAndWhatTheyWroteAreEncryptedButNotTheFactsAroundThem() {
        ContactReceived received = new ContactReceived(
                "c-1",
                Channel.WEB,
                "BL-2026-000001",
                new ReportDetails(ReportCategory.THEFT, "My bike", "Mill Lane", LocalDate.of(2026, 1, 2), "3pm"),
                new Reporter("Sam", "sam@example.org", "07700900123"),
                new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY),
                Instant.parse("2026-01-02T10:00:00Z"));
        JsonNode tree = json.valueToTree(received);

        PersonalFields.of(ContactReceived.class).rewrite(tree, value -> TextNode.valueOf("<" + value.asText() + ">"));

        assertThat(tree.path("reporter").path("name").asText()).isEqualTo("<Sam>");
        assertThat(tree.path("reporter").path("email").asText()).isEqualTo("<sam@example.org>");
        assertThat(tree.path("reporter").path("phone").asText()).isEqualTo("<07700900123>");
        assertThat(tree.path("details").path("description").asText()).isEqualTo("<My bike>");
        assertThat(tree.path("details").path("location").asText()).isEqualTo("<Mill Lane>");
        assertThat(tree.path("details").path("category").asText()).isEqualTo("THEFT");
        assertThat(tree.path("details").path("occurredTime").asText()).isEqualTo("3pm");
        assertThat(tree.path("contactId").asText()).isEqualTo("c-1");
        assertThat(tree.path("caseReference").asText()).isEqualTo("BL-2026-000001");
    }

    @Test
    void aGradeStaysReadableWhileTheAssessmentTextIsEncrypted() {
        ContactTriaged triaged = new ContactTriaged(
                "c-1",
                Channel.PHONE,
                new Triage("threat", "harm", "risk", "inv", "vulnerable", "engaged", Grade.values()[0], "why"),
                "handler",
                Instant.EPOCH);
        JsonNode tree = json.valueToTree(triaged);

        PersonalFields.of(ContactTriaged.class).rewrite(tree, value -> TextNode.valueOf("x"));

        assertThat(tree.path("triage").path("vulnerability").asText()).isEqualTo("x");
        assertThat(tree.path("triage").path("grade").asText()).isEqualTo(Grade.values()[0].name());
        assertThat(tree.path("by").asText()).isEqualTo("handler");
    }

    @Test
    void anEventWithoutPersonalDataHasNothingToEncrypt() {
        assertThat(PersonalFields.of(CaseViewed.class).any()).isFalse();
        assertThat(PersonalFields.of(String.class).any()).isFalse();
    }

    @Test
    void aValueDecryptsOnlyWithItsSubjectsKeyAndUnderItsSubject() throws Exception {
        SecureRandom random = new SecureRandom();
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();

        byte[] sealed = PersonalDataCipher.encrypt(key, random, "subject-1", "Sam Smith");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Sam");
        assertThat(PersonalDataCipher.decrypt(key, "subject-1", sealed)).isEqualTo("Sam Smith");
        assertThat(PersonalDataCipher.encrypt(key, random, "subject-1", "Sam Smith"))
                .as("a fresh IV each time")
                .isNotEqualTo(sealed);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(generator.generateKey(), "subject-1", sealed))
                .as("another subject's key")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, "subject-2", sealed))
                .as("moved to another subject")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, "subject-1", new byte[3]))
                .as("too short to be a ciphertext")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyOurLegacyStringFormTakesApartAsACiphertext() {
        String ciphertext = Base64.getEncoder().encodeToString(new byte[28]);

        assertThat(PersonalDataCipher.legacy("pii:v1:subject-1:" + ciphertext)).hasValueSatisfying(legacy -> {
            assertThat(legacy.subjectId()).isEqualTo("subject-1");
            assertThat(legacy.sealed()).hasSize(28);
        });
        assertThat(PersonalDataCipher.legacy("pii:v1:x")).isEmpty();
        assertThat(PersonalDataCipher.legacy("pii:v1::" + ciphertext))
                .as("no subject")
                .isEmpty();
        assertThat(PersonalDataCipher.legacy("pii:v1:s:QUJD")).as("too short").isEmpty();
        assertThat(PersonalDataCipher.legacy("pii:v1:s:" + ciphertext + "!"))
                .as("not base64")
                .isEmpty();
        assertThat(PersonalDataCipher.legacy("Pii:v1:s:" + ciphertext)).isEmpty();
        assertThat(PersonalDataCipher.legacy(null)).isEmpty();
    }

    /** Aggregate state, as a snapshot holds it. */
    @SuppressWarnings("unused")
    static class CaseLikeState {
        private String reference;
        private CitizenDetails citizen;
        private @PersonalData String note;
        private Channel channel;
    }

    @SuppressWarnings("unused")
    static class StateWithAListOfPeople {
        private List<CitizenDetails> witnesses;
    }

    @Test
    void aSnapshotSealsThePersonalFieldsOfAnAggregatesStateAndRefusesWhatItCannotSeal() {
        JsonNode tree = json.valueToTree(Map.of(
                "reference", "BL-2026-000001",
                "citizen", new CitizenDetails("Sam", "sam@example.org", null),
                "note", "Lives alone",
                "channel", "WEB"));

        PersonalFields.ofState(CaseLikeState.class)
                .rewrite(tree, value -> TextNode.valueOf("<" + value.asText() + ">"));

        assertThat(tree.path("citizen").path("name").asText()).isEqualTo("<Sam>");
        assertThat(tree.path("citizen").path("email").asText()).isEqualTo("<sam@example.org>");
        assertThat(tree.path("note").asText()).isEqualTo("<Lives alone>");
        assertThat(tree.path("reference").asText()).isEqualTo("BL-2026-000001");
        assertThat(tree.path("channel").asText()).isEqualTo("WEB");
        assertThatThrownBy(() -> PersonalFields.ofState(StateWithAListOfPeople.class))
                .hasMessageContaining("witnesses");
    }
}
