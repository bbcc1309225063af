package uk.police.bluelamp.messages.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpdatePreferenceTest {

    private static final Instant FRIDAY_NOON = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void weeklyUpdatesAreDueSevenDaysLater() {
        assertThat(due(UpdateFrequency.WEEKLY)).isEqualTo("2026-12-04T12:00:00Z");
    }

    @Test
    void fortnightlyUpdatesAreDueFourteenDaysLater() {
        assertThat(due(UpdateFrequency.FORTNIGHTLY)).isEqualTo("2026-12-11T12:00:00Z");
    }

    @Test
    void monthlyUpdatesFollowTheCalendarMonth() {
        assertThat(due(UpdateFrequency.MONTHLY)).isEqualTo("2026-12-27T12:00:00Z");
    }

    @Test
    void keyDecisionsAreDueWithinFiveWorkingDaysSkippingTheWeekend() {
        // Friday + 5 working days = the following Friday, not Wednesday.
        assertThat(due(UpdateFrequency.KEY_DECISIONS)).isEqualTo("2026-12-04T12:00:00Z");
    }

    @Test
    void monthlyDueTimeKeepsLondonWallClockAcrossTheClockChange() {
        Instant beforeClocksGoBack = Instant.parse("2026-10-10T09:00:00Z"); // 10:00 BST
        Instant due =
                new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.MONTHLY).nextUpdateDue(beforeClocksGoBack);
        assertThat(due).isEqualTo("2026-11-10T10:00:00Z"); // 10:00 GMT
    }

    private static Instant due(UpdateFrequency frequency) {
        return new UpdatePreference(UpdateChannel.ONLINE, frequency).nextUpdateDue(FRIDAY_NOON);
    }
}
