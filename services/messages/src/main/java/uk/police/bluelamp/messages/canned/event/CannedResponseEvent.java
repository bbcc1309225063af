package uk.police.bluelamp.messages.canned.event;

/**
 * Everything that can happen to the force's canned chat responses. They are the force's own
 * wording, written by supervisors, with placeholders filled in only in the handler's browser:
 * no event holds anything about a citizen, so none is personal data or covered by erasure.
 */
public sealed interface CannedResponseEvent permits CannedResponseAdded, CannedResponseEdited, CannedResponseRemoved {

    /** The one library of the force's canned responses. */
    String library();

    String responseId();
}
