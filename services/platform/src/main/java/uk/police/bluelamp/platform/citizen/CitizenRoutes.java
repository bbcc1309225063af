package uk.police.bluelamp.platform.citizen;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * bluelamp.citizen-routes: the force's other ways in and the services it points people to. Every
 * citizen page shows the relay and BSL routes; a report points fraud, lost property and noise
 * elsewhere before a case is opened; a victim is offered a referral to the victim support service.
 * A service left without a URL is not offered. The victim support endpoint and key stay on the
 * server: the pages get names and public addresses only.
 */
@ConfigurationProperties("bluelamp.citizen-routes")
public record CitizenRoutes(
        @DefaultValue("18001 101") String relayUkNumber,
        @DefaultValue Service bsl,
        @DefaultValue Service lostProperty,
        @DefaultValue VictimSupport victimSupport) {

    /** A service the pages name and link to. */
    public record Service(String name, String url) {

        public boolean offered() {
            return name != null && !name.isBlank() && url != null && !url.isBlank();
        }
    }

    /**
     * Where referrals go (Victims' Code Right 4): {@code endpoint} takes the JSON referral
     * (docs/api.md) with the key as a bearer token; {@code website} is what the victim is shown.
     */
    public record VictimSupport(
            @DefaultValue("Victim Support") String name,

            @DefaultValue("https://www.victimsupport.org.uk")
            String website,

            String endpoint,
            String apiKey) {

        public boolean offered() {
            return endpoint != null && !endpoint.isBlank();
        }
    }
}
