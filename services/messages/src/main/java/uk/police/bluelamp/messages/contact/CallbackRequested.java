package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record CallbackRequested(String contactId, @PersonalData String name, @PersonalData String phone, @PersonalData String topic, Instant windowStart, Instant windowEnd, Instant at) implements ContactEvent {
}
