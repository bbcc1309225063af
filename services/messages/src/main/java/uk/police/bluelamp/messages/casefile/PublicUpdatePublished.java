package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record PublicUpdatePublished(String reference, String updateId, String text, boolean keyDecision, UpdateChannel channel, String by, Instant at, Instant nextUpdateDue) implements CaseEvent {
}
