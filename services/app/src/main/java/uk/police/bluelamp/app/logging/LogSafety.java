package uk.police.bluelamp.app.logging;

import org.springframework.stereotype.Component;
import uk.police.bluelamp.platform.refusals.Refusals;

/** Connects logback's filter of Spring's per-frame STOMP failures to the refusal summary. */
@Component
class LogSafety {

    LogSafety(Refusals refusals) {
        StompFrameFailures.countInto(refusals::refused);
    }
}
