package uk.police.bluelamp.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.function.BiConsumer;
import org.slf4j.Marker;
import org.springframework.messaging.simp.stomp.StompConversionException;

/**
 * Spring's STOMP handler logs each frame it cannot read or pass on at WARN or ERROR, quoting
 * the frame: its headers (chat tokens, CSRF tokens, session attributes) or the header value it
 * choked on, once per frame, so a client could fill the log. Here each such line becomes a count
 * in the per-minute summary of refused frames, with the kind of failure as its reason. Setting
 * that logger to DEBUG, to debug frames, lets the lines through.
 */
public class StompFrameFailures extends TurboFilter {

    static final String STOMP_HANDLER = "org.springframework.web.socket.messaging.StompSubProtocolHandler";
    static final String KIND = "STOMP frames";

    private static volatile BiConsumer<String, String> counter = (kind, reason) -> {};

    /** Where the counts go once the application is up (LogSafety); before that they are only dropped. */
    static void countInto(BiConsumer<String, String> refusals) {
        counter = refusals;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !STOMP_HANDLER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (format == null) {
            return FilterReply.NEUTRAL; // "is ERROR enabled?": yes, so that the line itself comes here to be counted
        }
        if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
            return FilterReply.NEUTRAL; // someone debugging frames asked for them (still escaped and redacted)
        }
        counter.accept(
                KIND,
                t instanceof StompConversionException
                        ? "unreadable"
                        : t == null ? "failed" : "failed with " + t.getClass().getSimpleName());
        return FilterReply.DENY;
    }
}
