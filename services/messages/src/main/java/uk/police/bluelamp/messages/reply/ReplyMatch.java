package uk.police.bluelamp.messages.reply;

/** Why a reply went onto the case it did. */
public enum ReplyMatch {
    /** It names the case's reference, and came from the case's verified number or address. */
    REFERENCE,
    /** It came from the verified number or address of one open case, and names no case. */
    SENDER,
    /** A handler read it in the unmatched replies and put it on the case. */
    HANDLER
}
