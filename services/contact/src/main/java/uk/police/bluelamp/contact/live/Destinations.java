package uk.police.bluelamp.contact.live;

/**
 * STOMP destinations, with '.' separators: RabbitMQ's STOMP relay rejects '/' inside names.
 */
public final class Destinations {

    public static final String QUEUES = "/topic/queues";
    public static final String SUPERVISOR = "/topic/supervisor";
    public static final String CHAT_PREFIX = "/topic/chat.";
    public static final String SCREEN_POP = "/queue/screen-pop";
    public static final String OFFERS = "/queue/offers";

    private Destinations() {
    }

    public static String chat(String contactId) {
        return CHAT_PREFIX + contactId;
    }
}
