package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ContactLinkedToCase(String contactId, Channel channel, String reference, ReportCategory category, String summary, String by, Instant at) implements ContactEvent {
}
