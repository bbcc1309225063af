package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

/**
 * The handler's case view as it was at {@code at}, rebuilt from the case's events up to then.
 * Answered with a {@link CaseViewAsOf}.
 */
public record FindCaseAsOf(String reference, Instant at) {}
