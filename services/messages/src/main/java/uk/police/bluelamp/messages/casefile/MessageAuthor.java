package uk.police.bluelamp.messages.casefile;

public enum MessageAuthor {
    CITIZEN,
    HANDLER
}
