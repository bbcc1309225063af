package uk.police.bluelamp.contact.webreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    private final TrackingCodes codes = new TrackingCodes("a-test-pepper-of-enough-length");

    @Test
    void codesAreEasyToReadAloudAndWithoutLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            assertThat(codes.random()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        }
    }

    @Test
    void randomCodesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(codes.random())).isTrue();
        }
    }

    @Test
    void aRetriedRequestGetsTheSameCodeButOtherKeysOrCasesDoNot() {
        String code = codes.derive("key-1", "BL-2026-000001");
        assertThat(codes.derive("key-1", "BL-2026-000001")).isEqualTo(code);
        assertThat(codes.derive("key-2", "BL-2026-000001")).isNotEqualTo(code);
        assertThat(codes.derive("key-1", "BL-2026-000002")).isNotEqualTo(code);
        assertThat(new TrackingCodes("another-pepper-of-enough-length").derive("key-1", "BL-2026-000001"))
                .isNotEqualTo(code);
    }
}
