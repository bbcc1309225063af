package uk.police.bluelamp.app.axon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/**
 * How many segments of a processor this node may hold: its fair share among the live nodes.
 * Axon's pooled processor asks on every claim round, releases what is above the share and claims
 * up to it. All segments of all processors are dealt in turn, processor by processor in name
 * order, to the live nodes in id order, so the shares of each processor add up to its segments
 * (every segment has a holder) and a one-segment processor goes to a different node than the
 * next one (docs/adr/0023-nodes-share-work-and-erasures.md). Every node deals the same hands
 * from the same heartbeat and token tables.
 */
class SegmentShares implements MaxSegmentProvider {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final ClusterNodes nodes;
    private final JdbcTemplate jdbc;
    private volatile Map<String, Integer> segmentCounts;
    private volatile long countedAt;

    SegmentShares(ClusterNodes nodes, JdbcTemplate jdbc) {
        this.nodes = nodes;
        this.jdbc = jdbc;
    }

    @Override
    public int getMaxSegments(String processor) {
        Map<String, Integer> counts = segmentCounts();
        if (!counts.containsKey(processor)) {
            // Not made yet: whoever starts first makes and claims them; the next round deals them.
            return Short.MAX_VALUE;
        }
        return share(processor, counts, nodes.liveNodes(), nodes.nodeId());
    }

    static int share(String processor, Map<String, Integer> counts, List<String> liveNodes, String nodeId) {
        int nodeCount = liveNodes.size();
        int me = liveNodes.indexOf(nodeId);
        if (nodeCount <= 1 || me < 0) {
            return Short.MAX_VALUE;
        }
        int dealt = 0;
        for (Map.Entry<String, Integer> each : new TreeMap<>(counts).entrySet()) {
            if (each.getKey().equals(processor)) {
                int share = 0;
                for (int segment = 0; segment < each.getValue(); segment++) {
                    if ((dealt + segment) % nodeCount == me) {
                        share++;
                    }
                }
                return share;
            }
            dealt += each.getValue();
        }
        return Short.MAX_VALUE;
    }

    private Map<String, Integer> segmentCounts() {
        if (segmentCounts == null || System.nanoTime() - countedAt > REFRESH_NANOS) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            jdbc.query("select processor_name, count(*) from token_entry group by processor_name", row -> {
                counts.put(row.getString(1), row.getInt(2));
            });
            segmentCounts = counts;
            countedAt = System.nanoTime();
        }
        return segmentCounts;
    }
}
