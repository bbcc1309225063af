package uk.police.bluelamp.audit.erasure;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.privacy.LegalBasis;

/**
 * The erasure a retention review's disposal makes: the same crypto-shredding as an admin's
 * erasure, of the person the case was opened for. Disposal of police information is law
 * enforcement processing, so its basis is DPA 2018 s.47.
 */
@Component
public class DisposalErasure {

    private final SubjectKeys keys;
    private final Erasures erasures;

    DisposalErasure(SubjectKeys keys, Erasures erasures) {
        this.keys = keys;
        this.erasures = erasures;
    }

    /** The erasure's id, or empty when nothing is held for the case or it was erased already. */
    public Optional<UUID> eraseCase(String reference, String reason, String reviewer) {
        Optional<String> subject = keys.subjectOf(reference);
        if (subject.isEmpty() || keys.isErased(subject.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(erasures.erase(subject.get(), LegalBasis.DPA_2018_S47, reason, reviewer).erasureId());
        } catch (Erasures.AlreadyErased raced) {
            return Optional.empty();
        }
    }
}
