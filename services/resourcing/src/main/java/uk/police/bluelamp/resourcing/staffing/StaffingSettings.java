package uk.police.bluelamp.resourcing.staffing;

import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * The force's staffing targets and assumptions, from {@code bluelamp.staffing.*}: shrinkage
 * (the share of paid time not on the queues: breaks, training, absence), chats a handler takes at
 * once, and per channel the service level, the time it is measured within, the handle time used
 * while the history has none, and for chat the patience used while the history shows too few
 * people leaving to tell.
 */
@Component
class StaffingSettings {

    record Target(double serviceLevel, Duration answerWithin, Duration handleTime, Duration patience) {}

    private final Environment environment;

    StaffingSettings(Environment environment) {
        this.environment = environment;
    }

    double shrinkage() {
        double shrinkage = environment.getProperty("bluelamp.staffing.shrinkage", Double.class, 0.3);
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalStateException("bluelamp.staffing.shrinkage must be at least 0 and below 1");
        }
        return shrinkage;
    }

    int chatConcurrency() {
        int chats = environment.getProperty("bluelamp.staffing.chat-concurrency", Integer.class, 3);
        if (chats < 1) {
            throw new IllegalStateException("bluelamp.staffing.chat-concurrency must be 1 or more");
        }
        return chats;
    }

    Target target(Channel channel) {
        String prefix = "bluelamp.staffing." + channel.name() + ".";
        double level = environment.getProperty(prefix + "service-level", Double.class, 0.8);
        Target target = new Target(
                level,
                environment.getProperty(prefix + "answer-within", Duration.class, Duration.ofSeconds(60)),
                environment.getProperty(prefix + "handle-time", Duration.class, Duration.ofMinutes(6)),
                environment.getProperty(prefix + "patience", Duration.class, Duration.ofMinutes(2)));
        if (!(level > 0 && level < 1)
                || target.handleTime().isZero()
                || target.patience().isZero()) {
            throw new IllegalStateException(
                    prefix + "service-level must be above 0 and below 1, and the times above 0");
        }
        return target;
    }
}
