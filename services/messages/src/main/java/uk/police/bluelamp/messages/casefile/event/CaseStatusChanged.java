package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record CaseStatusChanged(
        String reference,
        CaseStatus from,
        CaseStatus to,
        String team,
        @PersonalData String note,
        String by,
        Instant at) implements CaseEvent {}
