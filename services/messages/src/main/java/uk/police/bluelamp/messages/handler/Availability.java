package uk.police.bluelamp.messages.handler;

/** Whether a call handler can take work now. */
public enum Availability {
    AVAILABLE,
    BUSY,
    AWAY,
    OFFLINE
}
