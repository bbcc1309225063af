package uk.police.bluelamp.audit.erasure;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.privacy.LegalBasis;

/**
 * The erasure a retention review's disposal makes: the same crypto-shredding as an admin's
 * erasure, of the whole person the case (or a contact on its own) holds (every subject linked to it, ADR 0028). Disposal
 * of police information is law enforcement processing, so its basis is DPA 2018 s.47.
 */
@Component
public class DisposalErasure {

    private final LinkedSubjects linkedSubjects;
    private final Erasures erasures;

    DisposalErasure(LinkedSubjects linkedSubjects, Erasures erasures) {
        this.linkedSubjects = linkedSubjects;
        this.erasures = erasures;
    }

    /**
     * @param stream a case's reference, or a contact's id for a contact that is part of no case
     * @return the erasure's id, or empty when nothing is held for it or it was erased already
     */
    public Optional<UUID> erasePersonOf(String stream, String reason, String reviewer) {
        Set<String> person = linkedSubjects.of(stream);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(erasures.erase(person, LegalBasis.DPA_2018_S47, reason, reviewer)
                    .erasureId());
        } catch (Erasures.AlreadyErased already) {
            return Optional.empty();
        }
    }
}
