package uk.police.bluelamp.messages.casefile.query;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.CaseViewAsOf;

/**
 * The handler's case view as it was at {@code at}, rebuilt from the case's events up to then.
 * Answered with a {@link CaseViewAsOf}.
 */
public record FindCaseAsOf(String reference, Instant at) {}
