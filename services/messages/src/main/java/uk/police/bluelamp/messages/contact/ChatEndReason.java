package uk.police.bluelamp.messages.contact;

/** Why a chat ended. Events stored before reasons were recorded read as ASKED. */
public enum ChatEndReason {
    /** The citizen or the handler ended it. */
    ASKED,
    /** The citizen's connection was gone for longer than the grace period. */
    CITIZEN_LEFT,
    /** Nobody wrote after the idle warning. */
    IDLE
}
