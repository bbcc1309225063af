package uk.police.bluelamp.audit.replay;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param readModels       each rebuildable read model (its processing group) and the tables it keeps
 * @param batchSize        events applied per rebuild transaction
 * @param eventsPerSecond  a ceiling that keeps a rebuild from starving live traffic (0 = none)
 */
@ConfigurationProperties("bluelamp.audit.replay")
record ReplaySettings(Map<String, List<String>> readModels, Integer batchSize, Integer eventsPerSecond) {

    ReplaySettings {
        readModels = readModels == null ? Map.of() : Map.copyOf(readModels);
        batchSize = batchSize == null ? 2_000 : batchSize;
        eventsPerSecond = eventsPerSecond == null ? 0 : eventsPerSecond;
    }
}
