package uk.police.bluelamp.messages.casefile;

/** How a citizen chose to hear about their case (Victims' Code, Right 6). */
public enum UpdateChannel {
    EMAIL,
    SMS,
    PHONE,
    ONLINE
}
