package uk.police.bluelamp.audit.replay;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param readModels       each rebuildable read model (its processing group) and the tables it keeps
 * @param batchSize        events applied per rebuild transaction
 * @param eventsPerSecond  a ceiling that keeps a rebuild from starving live traffic (0 = none)
 * @param segments         projection copies writing in parallel, each on its own connection
 * @param deferUniqueIndexes read models whose projection needs no unique index while loading
 * @param heartbeat        how often a node proves its rebuilds alive, and looks for dead ones
 * @param staleAfter       a run whose heartbeat is older than this is failed by whichever node sees it
 * @param letGoGrace       how long other nodes have to release a read model's segments before a
 *                         rebuild takes them from them anyway
 */
@ConfigurationProperties("bluelamp.audit.replay")
record ReplaySettings(Map<String, List<String>> readModels, Integer batchSize, Integer eventsPerSecond,
                      Integer segments, List<String> deferUniqueIndexes, java.time.Duration heartbeat,
                      java.time.Duration staleAfter, java.time.Duration letGoGrace) {

    ReplaySettings {
        deferUniqueIndexes = deferUniqueIndexes == null ? List.of() : List.copyOf(deferUniqueIndexes);
        segments = segments == null ? 2 : Math.max(1, segments);
        readModels = readModels == null ? Map.of() : Map.copyOf(readModels);
        batchSize = batchSize == null ? 2_000 : batchSize;
        eventsPerSecond = eventsPerSecond == null ? 0 : eventsPerSecond;
        heartbeat = heartbeat == null ? java.time.Duration.ofSeconds(1) : heartbeat;
        staleAfter = staleAfter == null ? java.time.Duration.ofSeconds(10) : staleAfter;
        letGoGrace = letGoGrace == null ? java.time.Duration.ofSeconds(3) : letGoGrace;
    }
}
