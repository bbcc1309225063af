package uk.police.bluelamp.contact.queue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * Per channel: the wait target a console flags, whether contacts are offered to available
 * handlers automatically, and how many contacts of that channel one handler works at once.
 */
@ConfigurationProperties("bluelamp.queues")
public class QueueSettings {

    public static class ChannelSettings {
        private Duration target = Duration.ofMinutes(5);
        private boolean autoOffer;
        private int capacity = 1;

        public Duration getTarget() {
            return target;
        }

        public void setTarget(Duration target) {
            this.target = target;
        }

        public boolean isAutoOffer() {
            return autoOffer;
        }

        public void setAutoOffer(boolean autoOffer) {
            this.autoOffer = autoOffer;
        }

        public int getCapacity() {
            return capacity;
        }

        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }
    }

    private final Map<Channel, ChannelSettings> channels = new EnumMap<>(Channel.class);

    public Map<Channel, ChannelSettings> getChannels() {
        return channels;
    }

    public ChannelSettings of(Channel channel) {
        return channels.computeIfAbsent(channel, c -> new ChannelSettings());
    }
}
