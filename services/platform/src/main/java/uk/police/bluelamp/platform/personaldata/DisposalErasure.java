package uk.police.bluelamp.platform.personaldata;

import java.util.Optional;
import java.util.UUID;

/**
 * The erasure a retention review's disposal makes, of the whole person a case or contact holds.
 * The auditors' erasure feature (audit.erasure) carries it out; contexts ask for it through this
 * interface so that they need nothing of the audit module.
 */
public interface DisposalErasure {

    /**
     * @param stream a case's reference, or a contact's id for a contact that is part of no case
     * @return the erasure's id, or empty when nothing is held for it or it was erased already
     */
    Optional<UUID> erasePersonOf(String stream, String reason, String reviewer);

    /**
     * Disposes of the record, then erases its person. The record refuses first, so a review not
     * due is refused before anything is erased. If the erasure did not follow (the node stopped in
     * between), disposing again finishes it; once both are done, the record's refusal stands (409).
     *
     * @param dispose sends the record's disposal command
     * @param alreadyDisposed what that command throws for a record disposed of already
     * @return the erasure's id, or "already erased"
     */
    default String disposeThenErase(
            Runnable dispose,
            Class<? extends RuntimeException> alreadyDisposed,
            String stream,
            String reason,
            String reviewer) {
        RuntimeException finishing = null;
        try {
            dispose.run();
        } catch (RuntimeException refused) {
            if (!alreadyDisposed.isInstance(refused)) {
                throw refused;
            }
            finishing = refused;
        }
        Optional<UUID> erased = erasePersonOf(stream, reason.strip(), reviewer);
        if (finishing != null && erased.isEmpty()) {
            throw finishing;
        }
        return erased.map(UUID::toString).orElse("already erased");
    }
}
