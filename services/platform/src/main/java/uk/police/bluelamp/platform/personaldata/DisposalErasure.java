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
}
