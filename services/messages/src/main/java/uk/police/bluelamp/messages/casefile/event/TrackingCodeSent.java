package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.UpdateChannel;

public record TrackingCodeSent(String reference, UpdateChannel channel, String notifyId, Instant at)
        implements CaseEvent {}
