package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record PublicUpdatePublished(
        String reference,
        String updateId,
        @PersonalData String text,
        boolean keyDecision,
        UpdateChannel channel,
        String by,
        Instant at,
        Instant nextUpdateDue)
        implements CaseEvent {}
