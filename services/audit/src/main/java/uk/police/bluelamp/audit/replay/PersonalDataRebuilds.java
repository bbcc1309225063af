package uk.police.bluelamp.audit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.StoredNames;

/**
 * Rebuilds, after an erasure, every read model fed by events that carry personal data: the
 * erased subject's rows come back with "[erased]" in place of the data.
 */
@Component
public class PersonalDataRebuilds {

    /** What an export made during a scrub says about itself (header and field of the same name). */
    public static final String SCRUB_PENDING = "X-Erasure-Scrub-Pending";

    public static final String SCRUB_NOTICE = "An erasure is still being scrubbed from the read models: rows copied "
            + "from them into this export may still hold data that has been erased. Export again once it is finished.";

    private final ReadModels readModels;
    private final Replays replays;
    private final JdbcTemplate jdbc;

    PersonalDataRebuilds(ReadModels readModels, Replays replays, JdbcTemplate jdbc) {
        this.readModels = readModels;
        this.replays = replays;
        this.jdbc = jdbc;
    }

    /** Whether any erasure's scrub is queued or running, on any node. */
    public boolean scrubbing() {
        Long pending = jdbc.queryForObject(
                "select count(*) from replay_run where kind = 'SCRUB' " + "and state in ('QUEUED', 'RUNNING')",
                Long.class);
        return pending != null && pending > 0;
    }

    /** Read model → its rebuild's run id; each runs once no other rebuild of that read model does. */
    public Map<String, UUID> start(Predicate<Class<?>> carriesPersonalData, String requestedBy) {
        Map<String, UUID> runs = new LinkedHashMap<>();
        for (ReadModels.Rebuildable readModel : readModels.all()) {
            if (readModel.holdsPersonalData()
                    && readModel.eventTypes().stream()
                            .map(PersonalDataRebuilds::load)
                            .anyMatch(carriesPersonalData)) {
                runs.put(readModel.name(), replays.scrub(readModel, requestedBy));
            }
        }
        return runs;
    }

    /** Drops the sample rows every earlier rebuild report kept: they may be the erased person's. */
    public void forgetSamples() {
        try {
            replays.forgetSamples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(StoredNames.className(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
