package uk.police.bluelamp.messages.canned.event;

import java.time.Instant;

public record CannedResponseRemoved(String library, String responseId, Instant at) implements CannedResponseEvent {}
