package uk.police.bluelamp.audit.erasure;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.privacy.LegalBasis;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;

/**
 * The erasure a retention review's disposal makes: the same crypto-shredding as an admin's
 * erasure, of the whole person the case (or a contact on its own) holds (every subject linked to it, ADR 0028). Disposal
 * of police information is law enforcement processing, so its basis is DPA 2018 s.47.
 */
@Component
class ErasureOnDisposal implements DisposalErasure {

    private final LinkedSubjects linkedSubjects;
    private final Erasures erasures;

    ErasureOnDisposal(LinkedSubjects linkedSubjects, Erasures erasures) {
        this.linkedSubjects = linkedSubjects;
        this.erasures = erasures;
    }

    @Override
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
