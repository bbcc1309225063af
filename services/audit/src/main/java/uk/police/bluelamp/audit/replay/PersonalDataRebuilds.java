package uk.police.bluelamp.audit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds, after an erasure, every read model fed by events that carry personal data: the
 * erased subject's rows come back with "[erased]" in place of the data.
 */
@Component
public class PersonalDataRebuilds {

    private final ReadModels readModels;
    private final Replays replays;

    PersonalDataRebuilds(ReadModels readModels, Replays replays) {
        this.readModels = readModels;
        this.replays = replays;
    }

    /** Read model → its rebuild's run id; each runs once no other rebuild of that read model does. */
    public Map<String, UUID> start(Predicate<Class<?>> carriesPersonalData, String requestedBy) {
        Map<String, UUID> runs = new LinkedHashMap<>();
        for (ReadModels.ReadModel readModel : readModels.all()) {
            if (readModel.eventTypes().stream().map(PersonalDataRebuilds::load).anyMatch(carriesPersonalData)) {
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
            return Class.forName(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
