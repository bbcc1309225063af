package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import uk.police.bluelamp.app.BlueLampApplication;

/** Outside the demo profile, the app will not start without its secrets from the environment. */
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
        MockEnvironment production = new MockEnvironment()
                .withProperty("bluelamp.secrets.tracking-code-pepper", "a-long-random-pepper")
                .withProperty("bluelamp.cti.token", "a-long-random-token")
                .withProperty("bluelamp.notify.api-key", "key")
                .withProperty("bluelamp.secrets.personal-data-kek", "a-long-random-key-encryption-key-32+");
        production.setActiveProfiles("production");
        assertThat(RequiredSecrets.missing(production)).isEmpty();

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
}
