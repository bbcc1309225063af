package uk.police.bluelamp.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored moments read by StoredInstants exactly as Jackson's own reader reads them. */
class StoredInstantsTest {

    private final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper stored = jackson.copy().registerModule(StoredInstants.module());

    @Test
    void everyMomentAsWrittenReadsBackExactly() throws Exception {
        Random random = new Random(17);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = first + (long) (random.nextDouble() * (last - first));
            // Whole seconds, milli-, micro- and nanoseconds: each writes a different length of fraction.
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant moment = Instant.ofEpochSecond(second, nanos);
            String json = jackson.writeValueAsString(moment.toString());
            assertThat(StoredInstants.canonical(moment.toString())).isEqualTo(moment);
            assertThat(stored.readValue(json, Instant.class)).isEqualTo(jackson.readValue(json, Instant.class));
        }
    }

    @Test
    void anythingElseReadsAsJacksonReadsIt() throws Exception {
        for (String text : List.of(
                "2026-12-06T14:00:00+01:00",
                "2026-12-06T23:59:60Z",
                "2026-02-29T10:00:00Z",
                "2024-02-29T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-12-06T24:00:00Z",
                "2026-12-06T14:00:00.Z",
                "2026-12-06T14:00:00.1234567890Z",
                "2026-12-06 14:00:00Z",
                "+12026-12-06T14:00:00Z",
                "2026-12-06T14:00Z",
                "١٢٣٤-12-06T14:00:00Z",
                "not a moment")) {
            String json = jackson.writeValueAsString(text);
            Object expected = readOrFailure(jackson, json);
            Object actual = readOrFailure(stored, json);
            assertThat(actual).as(text).isEqualTo(expected);
        }
        assertThat(stored.readValue("1765029600.5", Instant.class))
                .isEqualTo(jackson.readValue("1765029600.5", Instant.class));
    }

    private static Object readOrFailure(ObjectMapper mapper, String json) {
        Throwable failure = catchThrowable(() -> mapper.readValue(json, Instant.class));
        if (failure != null) {
            return failure.getClass();
        }
        try {
            return mapper.readValue(json, Instant.class);
        } catch (Exception impossible) {
            throw new AssertionError(impossible);
        }
    }
}
