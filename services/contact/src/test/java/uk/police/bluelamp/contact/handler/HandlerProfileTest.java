package uk.police.bluelamp.contact.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;

/** The name citizens see and the skills supervisors give: what is refused, and what every node then reads. */
class HandlerProfileTest extends ContactIntegrationTest {

    @Autowired
    private HandlerProfileController profiles;

    @Autowired
    private AvailabilityController availability;

    @Autowired
    private HandlerProfiles handlers;

    @Autowired
    private Commands commands;

    /** The converter Spring MVC reads request bodies with: the input policy's. */
    @Autowired
    private MappingJackson2HttpMessageConverter requests;

    private final String handler = "sam-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void citizensSeeTheChosenNameOrANeutralTitleNeverTheLogin() {
        assertThat(handlers.forCitizens(handler)).isEqualTo("Call handler");
        assertThat(profiles.setDisplayName(
                                new HandlerProfileController.DisplayNameRequest("  Sam (call handler) "), as(handler))
                        .shownToCitizens())
                .isEqualTo("Sam (call handler)");
        await().until(() -> handlers.forCitizens(handler).equals("Sam (call handler)"));

        profiles.setDisplayName(new HandlerProfileController.DisplayNameRequest(""), as(handler));
        await().until(() -> handlers.forCitizens(handler).equals("Call handler"));
    }

    @Test
    void aNameWithAControlCharacterOrTooLongIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> requests.getObjectMapper()
                        .readValue(
                                "{\"displayName\":\"Sam\\u0000\"}", HandlerProfileController.DisplayNameRequest.class))
                .hasMessageContaining("input policy");
        assertThatThrownBy(() -> requests.getObjectMapper()
                        .readValue(
                                "{\"displayName\":\"Sam\\u0007 bell\"}",
                                HandlerProfileController.DisplayNameRequest.class))
                .hasMessageContaining("input policy");
        for (String tooLong : List.of("S".repeat(61), "S".repeat(10_000))) {
            assertThatThrownBy(() -> profiles.setDisplayName(
                            new HandlerProfileController.DisplayNameRequest(tooLong), as(handler)))
                    .isInstanceOfSatisfying(
                            InvalidRequest.class,
                            refused -> assertThat(refused.errors())
                                    .containsExactly(new FieldError("displayName", "Must be 60 characters or fewer")));
        }
        assertThat(rows("handler_profile")).isZero();
    }

    @Test
    void skillsComeFromTheConfiguredListForAHandlerWhoExistsAndShowOnThePresenceBoard() {
        Authentication supervisor = as("supervisor");
        assertThatThrownBy(() -> profiles.setSkills(
                        handler, new HandlerProfileController.SkillsRequest(List.of("WELSH")), supervisor))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        refused -> assertThat(refused.errors())
                                .extracting(FieldError::field)
                                .containsExactly("handler"));
        commands.sendAsStaff(new ChangeAvailability(handler, Availability.AVAILABLE, Instant.now()), handler);
        await().until(() -> rows("handler_availability") == 1);
        for (List<String> bad : List.of(List.of("KLINGON"), List.of("WELSH\u0000"), List.of("W".repeat(10_000)))) {
            assertThatThrownBy(() ->
                            profiles.setSkills(handler, new HandlerProfileController.SkillsRequest(bad), supervisor))
                    .isInstanceOfSatisfying(
                            InvalidRequest.class,
                            refused -> assertThat(refused.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("skills"));
        }
        assertThat(rows("handler_skill")).isZero();

        profiles.setSkills(
                handler, new HandlerProfileController.SkillsRequest(List.of("WELSH", "HATE_CRIME")), supervisor);
        await().until(() -> rows("handler_skill") == 2);
        AvailabilityController.HandlerStatus row = availability.everyone().stream()
                .filter(status -> status.handler().equals(handler))
                .findFirst()
                .orElseThrow();
        assertThat(row.skills())
                .extracting(HandlerProfileController.Skill::label)
                .containsExactly("Hate crime", "Welsh speaker");
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where handler = :handler")
                .param("handler", handler)
                .query(Long.class)
                .single();
    }

    private static Authentication as(String name) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of());
    }
}
