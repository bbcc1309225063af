package uk.police.bluelamp.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deal of segments to live nodes, as every node computes it from the same tables. */
class SegmentSharesTest {

    static final Map<String, Integer> PROCESSORS = Map.of(
            "access-log",
            1,
            "case-tracking",
            2,
            "case-view",
            2,
            "chat",
            2,
            "citizen-updates",
            1,
            "contact-view",
            2,
            "handler-availability",
            1,
            "queue",
            2);

    @Test
    void everySegmentHasOneHolderAndTheNodesHoldWithinOneOfEachOther() {
        for (List<String> nodes : List.of(List.of("a", "b"), List.of("a", "b", "c"))) {
            int[] totals = new int[nodes.size()];
            PROCESSORS.forEach((processor, segments) -> {
                int dealt = 0;
                for (int i = 0; i < nodes.size(); i++) {
                    int share = SegmentShares.share(processor, PROCESSORS, nodes, nodes.get(i));
                    totals[i] += share;
                    dealt += share;
                }
                assertThat(dealt).as(processor + " among " + nodes).isEqualTo(segments);
            });
            int most = Arrays.stream(totals).max().orElseThrow();
            int least = Arrays.stream(totals).min().orElseThrow();
            assertThat(most - least).as(Arrays.toString(totals)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aLoneNodeHoldsEverything() {
        assertThat(SegmentShares.share("queue", PROCESSORS, List.of("a"), "a")).isEqualTo(Short.MAX_VALUE);
    }
}
