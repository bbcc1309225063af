package uk.police.bluelamp.messages.contact;

public enum CallbackOutcome {
    REACHED,
    NO_ANSWER
}
