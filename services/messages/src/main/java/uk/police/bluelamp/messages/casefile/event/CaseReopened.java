package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record CaseReopened(String reference, @PersonalData String reason, String by, Instant at) implements CaseEvent {}
