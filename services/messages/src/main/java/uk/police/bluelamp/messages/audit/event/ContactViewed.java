package uk.police.bluelamp.messages.audit.event;

import java.time.Instant;

/** The contact workspace: who got in touch, how to reach them and what they said. */
public record ContactViewed(String contactId, String viewer, String view, String reason, Instant at)
        implements AccessEvent {}
