package uk.police.bluelamp.messages.contact;

/** Who wrote a chat message or ended a chat. Only a chat's end can be the system's. */
public enum ChatAuthor {
    CITIZEN,
    HANDLER,
    SYSTEM
}
