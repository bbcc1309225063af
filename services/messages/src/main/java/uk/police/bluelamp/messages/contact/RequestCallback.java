package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestCallback(@TargetAggregateIdentifier String contactId, String name, String phone, String topic,
                              Instant windowStart, Instant windowEnd, Instant at) {
}
