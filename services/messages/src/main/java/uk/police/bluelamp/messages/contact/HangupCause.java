package uk.police.bluelamp.messages.contact;

/** Why a call ended, in the generic CTI webhook's words. */
public enum HangupCause {
    NORMAL_CLEARING,
    BUSY,
    CANCEL,
    NO_ANSWER,
    CONGESTION,
    NOT_FOUND,
    FORWARDED
}
