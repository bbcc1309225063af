package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import uk.police.bluelamp.app.BlueLampApplication;

/** Outside the demo profile, the app will not start without its secrets from the environment, nor with weak ones. */
class RequiredSecretsTest {

    @Test
    void theApplicationRefusesToStartInProductionWithoutItsSecretsAndSaysWhichAreMissing() {
        SpringApplication app = new SpringApplication(BlueLampApplication.class);
        app.setAdditionalProfiles("production");
        assertThatThrownBy(() -> app.run("--spring.main.web-application-type=none"))
                .hasStackTraceContaining("BLUELAMP_TRACKING_CODE_PEPPER")
                .hasStackTraceContaining("BLUELAMP_CTI_TOKEN")
                .hasStackTraceContaining("BLUELAMP_NOTIFY_APIKEY")
                .hasStackTraceContaining("BLUELAMP_PERSONAL_DATA_KEK");
    }

    @Test
    void everySecretSetLetsItStartAndAnExternalDatabaseNeedsItsPassword() {
        MockEnvironment production = strongProduction();
        assertThat(RequiredSecrets.missing(production)).isEmpty();
        assertThat(RequiredSecrets.weak(production)).isEmpty();

        production.setProperty("spring.datasource.url", "jdbc:postgresql://db.example/bluelamp");
        assertThat(RequiredSecrets.missing(production)).containsExactly("SPRING_DATASOURCE_PASSWORD");
        production.setProperty("spring.datasource.password", "   ");
        assertThat(RequiredSecrets.missing(production)).containsExactly("SPRING_DATASOURCE_PASSWORD");
        production.setProperty("spring.datasource.password", "from-the-environment");

        production.setProperty("bluelamp.stomp.relay-host", "rabbitmq");
        assertThat(RequiredSecrets.missing(production)).containsExactly("BLUELAMP_STOMP_RELAYPASSCODE");
        production.setProperty("bluelamp.stomp.relay-passcode", "guest");
        assertThat(RequiredSecrets.missing(production)).containsExactly("BLUELAMP_STOMP_RELAYPASSCODE");
        production.setProperty("bluelamp.stomp.relay-passcode", "from-the-environment");
        assertThat(RequiredSecrets.missing(production)).isEmpty();
    }

    @Test
    void theDemoProfileNeedsNone() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(RequiredSecrets.missing(demo)).isEmpty();
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThat(RequiredSecrets.missing(production)).hasSize(4);
    }

    @Test
    void aWeakSecretIsRefusedByNameAndNeverEchoed() {
        for (String weak : new String[] {
            "x",
            "a".repeat(64),
            "password123".repeat(4),
            "password1234567890abcdefghijklmnop",
            "0123456789abcdef0123456789abcdef",
            "demo-pepper-not-for-production",
            "validation-only",
            "a-long-random-pepper",
            HexFormat.of().formatHex(bytes(15)),
            Base64.getEncoder().encodeToString(bytes(15))
        }) {
            for (String property : STRENGTH_CHECKED.keySet()) {
                MockEnvironment production = strongProduction();
                production.setProperty(property, weak);
                assertThat(RequiredSecrets.weak(production))
                        .as(weak)
                        .singleElement()
                        .asString()
                        .startsWith(STRENGTH_CHECKED.get(property) + " ")
                        .doesNotContain(weak);
            }
        }
    }

    @Test
    void whatOpensslGivesAlwaysPasses() {
        for (int i = 0; i < 20_000; i++) {
            for (String generated : new String[] {
                HexFormat.of().formatHex(bytes(16)),
                Base64.getEncoder().encodeToString(bytes(16)),
                HexFormat.of().formatHex(bytes(32)),
                Base64.getEncoder().encodeToString(bytes(32))
            }) {
                assertThat(SecretStrength.weakness(generated)).as(generated).isEmpty();
            }
        }
    }

    @Test
    void theApplicationRefusesToStartWithAOneCharacterCtiTokenAndSaysWhich() {
        SpringApplication app = new SpringApplication(BlueLampApplication.class);
        app.setAdditionalProfiles("production");
        assertThatThrownBy(() -> app.run(
                        "--spring.main.web-application-type=none",
                        "--bluelamp.secrets.tracking-code-pepper="
                                + HexFormat.of().formatHex(bytes(16)),
                        "--bluelamp.cti.token=x",
                        "--bluelamp.notify.api-key=key",
                        "--bluelamp.secrets.personal-data-kek="
                                + Base64.getEncoder().encodeToString(bytes(16))))
                .hasStackTraceContaining("BLUELAMP_CTI_TOKEN carries about 4 bits; at least 128 are needed")
                .satisfies(refusal -> assertThat(refusal.getMessage())
                        .doesNotContain("BLUELAMP_TRACKING_CODE_PEPPER")
                        .doesNotContain("BLUELAMP_PERSONAL_DATA_KEK"));
    }

    /** Property → its variable, for the three secrets whose strength is checked. */
    private static final Map<String, String> STRENGTH_CHECKED = Map.of(
            "bluelamp.secrets.tracking-code-pepper", "BLUELAMP_TRACKING_CODE_PEPPER",
            "bluelamp.cti.token", "BLUELAMP_CTI_TOKEN",
            "bluelamp.secrets.personal-data-kek", "BLUELAMP_PERSONAL_DATA_KEK");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** As `openssl rand -hex 32`, `openssl rand -base64 16` and `openssl rand -hex 16` would give. */
    static MockEnvironment strongProduction() {
        MockEnvironment production = new MockEnvironment()
                .withProperty(
                        "bluelamp.secrets.tracking-code-pepper", HexFormat.of().formatHex(bytes(32)))
                .withProperty("bluelamp.cti.token", Base64.getEncoder().encodeToString(bytes(16)))
                .withProperty("bluelamp.notify.api-key", "key")
                .withProperty(
                        "bluelamp.secrets.personal-data-kek", HexFormat.of().formatHex(bytes(16)));
        production.setActiveProfiles("production");
        return production;
    }
}
