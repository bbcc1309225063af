package uk.police.bluelamp.resourcing.facts;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * Each channel's wait target and capacity, read from the settings the queues use
 * ({@code bluelamp.queues.channels.<CHANNEL>.target} and {@code .capacity}), so "answered within
 * target" in a report, the public figures and a what-if replay is the target the console flags.
 * Bound here, not borrowed from the contact module, whose classes are its own; the queues' other
 * settings are ignored.
 */
@ConfigurationProperties("bluelamp.queues")
public record ChannelTargets(Map<Channel, ChannelTarget> channels) {

    /** The queues' default when a channel has no target set. */
    public static final Duration DEFAULT_TARGET = Duration.ofMinutes(5);

    /** The queues' default: one contact of the channel at a time. */
    public static final int DEFAULT_CAPACITY = 1;

    public record ChannelTarget(Duration target, Integer capacity) {}

    public Duration of(Channel channel) {
        ChannelTarget set = channels == null ? null : channels.get(channel);
        return set == null || set.target() == null ? DEFAULT_TARGET : set.target();
    }

    /** How many contacts of the channel one handler works at once. */
    public int capacity(Channel channel) {
        ChannelTarget set = channels == null ? null : channels.get(channel);
        return set == null || set.capacity() == null ? DEFAULT_CAPACITY : set.capacity();
    }
}
