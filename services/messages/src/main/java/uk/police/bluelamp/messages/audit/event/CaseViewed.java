package uk.police.bluelamp.messages.audit.event;

import java.time.Instant;

/** {@code view} says what was opened (the case view, its audit trail, the case as at a time). */
public record CaseViewed(String reference, String viewer, String view, String reason, Instant at)
        implements AccessEvent {}
