package uk.police.bluelamp.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node's catching-up streams share one bound on the events Axon's work packages queue (docs/adr/0052). */
class CatchUpRunsTest {

    @Test
    void aStreamAloneGetsTheLongestRunsAndStreamsSideBySideShareTheQueuedEvents() {
        CatchUpRuns runs = new CatchUpRuns();
        assertThat(runs.length()).isEqualTo(CatchUpRuns.LONGEST);

        runs.started();
        assertThat(runs.length()).isEqualTo(16);
        runs.started();
        assertThat(runs.length()).as("two side by side").isEqualTo(8);
        for (int i = 2; i < 15; i++) {
            runs.started();
        }
        assertThat(runs.length())
                .as("fifteen, one event an entry, as Axon queues them")
                .isEqualTo(1);
        for (int streams = 15; streams > 0; streams--) {
            assertThat(runs.length() * streams * CatchUpRuns.ENTRIES)
                    .as("events queued with %d streams", streams)
                    .isLessThanOrEqualTo(Math.max(CatchUpRuns.QUEUED_EVENTS, streams * CatchUpRuns.ENTRIES));
            runs.ended();
        }
        assertThat(runs.length()).isEqualTo(CatchUpRuns.LONGEST);
    }
}
