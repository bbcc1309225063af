package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record CallRang(String contactId, CallDetails call, Instant at) implements ContactEvent {}
