package uk.police.bluelamp.contact.live;

/**
 * Who may use a chat's live stream, asked for every frame. The chat slice answers (ChatAccess):
 * the live slice only carries frames, so it depends on this question, not on the chat slice.
 */
public interface ChatRights {

    boolean citizenMayUse(String contactId, String chatToken);

    boolean handlerMayUse(String contactId, String handler);
}
