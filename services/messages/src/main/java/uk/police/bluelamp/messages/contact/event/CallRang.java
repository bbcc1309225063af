package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.CallDetails;

public record CallRang(String contactId, CallDetails call, Instant at) implements ContactEvent {}
