package uk.police.bluelamp.messages.canned.event;

import java.time.Instant;

public record CannedResponseAdded(String library, String responseId, String title, String text, Instant at)
        implements CannedResponseEvent {}
