package uk.police.bluelamp.casework.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

class CaseTest {

    private static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");
    private static final TrackingCodeHasher HASHER = new TrackingCodeHasher("a-test-pepper-of-enough-length");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(HASHER);
        fixture.registerInjectableResource(VictimsCode.DEFAULTS);
    }

    @Test
    void openingACaseStoresOnlyTheHashOfTheTrackingCodeAndWhenTheFirstUpdateIsDue() {
        UpdatePreference keyDecisions = new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.KEY_DECISIONS);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(
                        "BL-2026-000123",
                        "c-1",
                        Channel.WEB,
                        ReportCategory.FRAUD,
                        "7KQ4-M2XP-9HTD",
                        keyDecisions,
                        new CitizenDetails("Sam Citizen", "sam@example.org", "07700900123"),
                        "SW1A 1AA",
                        FRIDAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(
                        "BL-2026-000123",
                        "c-1",
                        Channel.WEB,
                        ReportCategory.FRAUD,
                        HASHER.hash("BL-2026-000123", "7KQ4-M2XP-9HTD"),
                        keyDecisions,
                        new CitizenDetails("Sam Citizen", "sam@example.org", "07700900123"),
                        "SW1A 1AA",
                        FRIDAY,
                        Instant.parse("2026-12-04T10:00:00Z")));
    }

    @Test
    void theEventNeverContainsThePlainTrackingCode() {
        UpdatePreference weekly = new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.WEEKLY);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(
                        "BL-2026-000124",
                        "c-2",
                        Channel.WEB,
                        ReportCategory.THEFT,
                        "ABCD-EFGH-JKMN",
                        weekly,
                        null,
                        null,
                        FRIDAY))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(payload -> !payload.toString().contains("ABCD")), Matchers.andNoMore())));
    }

    @Test
    void aCaseCannotBeOpenedTwiceUnderOneReference() {
        UpdatePreference weekly = new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.WEEKLY);
        fixture.given(new CaseOpened(
                        "BL-2026-000125",
                        "c-3",
                        Channel.WEB,
                        ReportCategory.THEFT,
                        "hash",
                        weekly,
                        CitizenDetails.none(),
                        null,
                        FRIDAY,
                        weekly.nextUpdateDue(FRIDAY)))
                .when(new OpenCase(
                        "BL-2026-000125",
                        "c-4",
                        Channel.WEB,
                        ReportCategory.THEFT,
                        "ABCD-EFGH-JKMN",
                        weekly,
                        null,
                        null,
                        FRIDAY))
                .expectException(Exception.class)
                .expectNoEvents();
    }

    @Test
    void aCaseWithoutATrackingCodeIsRefused() {
        UpdatePreference weekly = new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.WEEKLY);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(
                        "BL-2026-000126", "c-5", Channel.WEB, ReportCategory.THEFT, " ", weekly, null, null, FRIDAY))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anAnonymousCaseRecordsEmptyCitizenDetailsRatherThanNull() {
        UpdatePreference online = new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.MONTHLY);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(
                        "BL-2026-000127",
                        "c-6",
                        Channel.CHAT,
                        ReportCategory.ANTISOCIAL_BEHAVIOUR,
                        "ABCD-EFGH-JKMN",
                        online,
                        null,
                        null,
                        FRIDAY))
                .expectEvents(new CaseOpened(
                        "BL-2026-000127",
                        "c-6",
                        Channel.CHAT,
                        ReportCategory.ANTISOCIAL_BEHAVIOUR,
                        HASHER.hash("BL-2026-000127", "ABCD-EFGH-JKMN"),
                        online,
                        CitizenDetails.none(),
                        null,
                        FRIDAY,
                        Instant.parse("2026-12-27T10:00:00Z")));
    }

    @Test
    void printingTheCommandRevealsNeitherTheCodeNorTheCitizen() {
        OpenCase command = new OpenCase(
                "BL-2026-000128",
                "c-7",
                Channel.WEB,
                ReportCategory.THEFT,
                "ABCD-EFGH-JKMN",
                new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY),
                new CitizenDetails("Sam Citizen", "sam@example.org", "07700900123"),
                "SW1A 1AA",
                FRIDAY);
        assertThat(command.toString()).doesNotContain("ABCD", "Sam", "sam@example.org", "07700900123");
    }

    @Test
    void anOpeningWithoutAnUpdatePreferenceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(
                        "BL-2026-000129",
                        "c-8",
                        Channel.WEB,
                        ReportCategory.THEFT,
                        "ABCD-EFGH-JKMN",
                        null,
                        null,
                        null,
                        FRIDAY))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    @Test
    void codesMatchHoweverTheCitizenTypesThemButNotAcrossCases() {
        String stored = HASHER.hash("BL-2026-000123", "7KQ4-M2XP-9HTD");
        assertThat(HASHER.matches("BL-2026-000123", "7kq4 m2xp 9htd", stored)).isTrue();
        assertThat(HASHER.matches("BL-2026-000123", "7KQ4-M2XP-9HTE", stored)).isFalse();
        assertThat(HASHER.matches("BL-2026-000124", "7KQ4-M2XP-9HTD", stored)).isFalse();
        assertThat(HASHER.matches("BL-2026-000123", null, stored)).isFalse();
    }
}
