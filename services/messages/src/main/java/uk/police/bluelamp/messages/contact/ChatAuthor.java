package uk.police.bluelamp.messages.contact;

public enum ChatAuthor {
    CITIZEN,
    HANDLER
}
