package uk.police.bluelamp.app.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile the secrets come from the environment or the app does not start:
 * a force must never run on a default pepper, an open telephony webhook or no Notify key, nor
 * on a pepper, webhook token or key-encryption key short or plain enough to guess.
 * Checked before anything starts, so nothing is half up when it fails.
 */
public class RequiredSecrets implements EnvironmentPostProcessor {

    /** Property → the environment variable that sets it. */
    static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("bluelamp.secrets.tracking-code-pepper", "BLUELAMP_TRACKING_CODE_PEPPER");
        SECRETS.put("bluelamp.cti.token", "BLUELAMP_CTI_TOKEN");
        SECRETS.put("bluelamp.notify.api-key", "BLUELAMP_NOTIFY_APIKEY");
        SECRETS.put("bluelamp.secrets.personal-data-kek", "BLUELAMP_PERSONAL_DATA_KEK");
    }

    /** Optional (their endpoints refuse every caller without them), but as strong as the rest when set. */
    static final Map<String, String> OPTIONAL_SECRETS = Map.of(
            "bluelamp.replies.sms-token", "BLUELAMP_REPLIES_SMSTOKEN",
            "bluelamp.replies.email-token", "BLUELAMP_REPLIES_EMAILTOKEN");

    /** The secrets an attacker would have to guess: each must carry 128 bits (SecretStrength). */
    static final List<String> GUESSABLE = List.of(
            "bluelamp.secrets.tracking-code-pepper",
            "bluelamp.cti.token",
            "bluelamp.secrets.personal-data-kek",
            "bluelamp.replies.sms-token",
            "bluelamp.replies.email-token");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = missing(environment);
        List<String> weak = weak(environment);
        if (!missing.isEmpty() || !weak.isEmpty()) {
            StringBuilder refusal = new StringBuilder("Blue Lamp will not start outside the demo profile without "
                    + "strong secrets from the environment.");
            if (!missing.isEmpty()) {
                refusal.append(" Set ").append(String.join(", ", missing)).append(" in the environment.");
            }
            for (String weakness : weak) {
                refusal.append(' ').append(weakness).append('.');
            }
            if (!weak.isEmpty()) {
                refusal.append(" Generate each with: openssl rand -hex 32");
            }
            throw new IllegalStateException(refusal.toString());
        }
    }

    /** "VARIABLE carries about n bits; …" for each secret that is set but too weak; never the value. */
    static List<String> weak(Environment environment) {
        List<String> weak = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return weak;
        }
        for (String property : GUESSABLE) {
            String value = environment.getProperty(property);
            if (!blank(value)) {
                SecretStrength.weakness(value)
                        .ifPresent(why ->
                                weak.add(SECRETS.getOrDefault(property, OPTIONAL_SECRETS.get(property)) + " " + why));
            }
        }
        return weak;
    }

    static List<String> missing(Environment environment) {
        List<String> missing = new ArrayList<>();
        // Runs after application.yml is read, so with no profile set the default (demo) counts.
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return missing;
        }
        SECRETS.forEach((property, variable) -> {
            if (blank(environment.getProperty(property))) {
                missing.add(variable);
            }
        });
        // The embedded database needs none; a real one must not be reached without one.
        if (!blank(environment.getProperty("spring.datasource.url"))
                && blank(environment.getProperty("spring.datasource.password"))) {
            missing.add("SPRING_DATASOURCE_PASSWORD");
        }
        // Several nodes share a broker through the relay; RabbitMQ's guest account must not be it.
        String passcode = environment.getProperty("bluelamp.stomp.relay-passcode");
        if (!blank(environment.getProperty("bluelamp.stomp.relay-host"))
                && (blank(passcode) || passcode.equals("guest"))) {
            missing.add("BLUELAMP_STOMP_RELAYPASSCODE");
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
