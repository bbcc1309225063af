package uk.police.bluelamp.messages.casefile;

/** How often a citizen chose to hear about their case (Victims' Code, Right 6). */
public enum UpdateFrequency {
    WEEKLY,
    FORTNIGHTLY,
    MONTHLY,
    KEY_DECISIONS
}
