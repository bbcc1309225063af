package uk.police.bluelamp.messages.contact;

/** How a member of the public reached the force. */
public enum Channel {
    WEB,
    CHAT,
    PHONE,
    CALLBACK
}
