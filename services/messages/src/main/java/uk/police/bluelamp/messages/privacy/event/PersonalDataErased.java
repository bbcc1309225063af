package uk.police.bluelamp.messages.privacy.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.LegalBasis;

/**
 * A data subject's key was destroyed. Holds no personal data: the reason is the approving
 * admin's justification (a ticket or decision number), never the person's details.
 */
public record PersonalDataErased(
        String erasureId, String subjectId, LegalBasis legalBasis, String reason, String approvedBy, Instant at)
        implements ErasureEvent {}
