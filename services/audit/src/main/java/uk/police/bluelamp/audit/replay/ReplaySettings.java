package uk.police.bluelamp.audit.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize        events applied per rebuild transaction
 * @param eventsPerSecond  a ceiling that keeps a rebuild from starving live traffic (0 = none)
 * @param segments         projection copies writing in parallel, each on its own connection
 * @param readers          windows of the log read and deserialised side by side, ahead of the writers
 * @param heartbeat        how often a node proves its rebuilds alive, and looks for dead ones
 * @param staleAfter       a run whose heartbeat is older than this is failed by whichever node sees it
 * @param letGoGrace       how long other nodes have to release a read model's segments before a
 *                         rebuild takes them from them anyway
 */
@ConfigurationProperties("bluelamp.audit.replay")
record ReplaySettings(
        Integer batchSize,
        Integer eventsPerSecond,
        Integer segments,
        Integer readers,
        Duration heartbeat,
        Duration staleAfter,
        Duration letGoGrace) {

    ReplaySettings {
        segments = segments == null ? 2 : Math.max(1, segments);
        readers = readers == null ? 2 : Math.max(1, readers);
        batchSize = batchSize == null ? 2_000 : batchSize;
        eventsPerSecond = eventsPerSecond == null ? 0 : eventsPerSecond;
        heartbeat = heartbeat == null ? Duration.ofSeconds(1) : heartbeat;
        staleAfter = staleAfter == null ? Duration.ofSeconds(10) : staleAfter;
        letGoGrace = letGoGrace == null ? Duration.ofSeconds(3) : letGoGrace;
    }
}
