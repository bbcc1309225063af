package uk.police.bluelamp.resourcing.reports;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * Each channel's wait target, read from the settings the queues use
 * ({@code bluelamp.queues.channels.<CHANNEL>.target}), so "answered within target" in a report
 * is the target the console flags. Bound here, not borrowed from the contact module, whose
 * classes are its own; the queues' other settings are ignored.
 */
@ConfigurationProperties("bluelamp.queues")
record ChannelTargets(Map<Channel, ChannelTarget> channels) {

    /** The queues' default when a channel has no target set. */
    static final Duration DEFAULT_TARGET = Duration.ofMinutes(5);

    record ChannelTarget(Duration target) {}

    Duration of(Channel channel) {
        ChannelTarget set = channels == null ? null : channels.get(channel);
        return set == null || set.target() == null ? DEFAULT_TARGET : set.target();
    }
}
