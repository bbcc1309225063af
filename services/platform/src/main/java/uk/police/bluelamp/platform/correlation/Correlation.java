package uk.police.bluelamp.platform.correlation;

import java.util.UUID;
import org.slf4j.MDC;
import uk.police.bluelamp.messages.MetadataKeys;

/**
 * The correlation id of the work this thread is doing: an HTTP request, a STOMP message, or an
 * event being handled. It is in the logging context (MDC), so every log line carries it, and
 * commands sent meanwhile carry it in their metadata, so their events and the lines of the
 * handlers of those events carry it too: one id from a citizen's request to its projections.
 */
public final class Correlation {

    /** The MDC key, the same word as the metadata key, so a log search and an event search agree. */
    public static final String KEY = MetadataKeys.CORRELATION_ID;

    private Correlation() {}

    /** The current work's id, or a fresh one for work that has none (a scheduled task, say). */
    public static String current() {
        String id = MDC.get(KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** Puts the id in the MDC until the returned scope closes, which restores what was there. */
    public static Scope open(String id) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, id);
        return () -> {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        };
    }

    /** Closing never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
