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
    /** What happens to a handler's own contacts while they work them (a caller hanging up). */
    public static final String CONTACT_EVENTS = "/queue/contact-events";
    /**
     * With several nodes, where every push to a user goes: each node's relay listens here and
     * delivers to that user's sessions on its own node (LivePush.toUser, ADR 0022).
     */
    public static final String USER_BROADCAST = "/topic/bluelamp.user-pushes";
    /**
     * With several nodes, where a node whose link to the broker was down says so once it is back:
     * every node's relay listens here and closes its sockets (ReconnectAfterLostPushes).
     */
    public static final String RECONNECT_BROADCAST = "/topic/bluelamp.reconnect";

    private Destinations() {}

    public static String chat(String contactId) {
        return CHAT_PREFIX + contactId;
    }
}
