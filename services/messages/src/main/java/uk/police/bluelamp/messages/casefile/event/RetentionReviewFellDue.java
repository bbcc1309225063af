package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

/** The retention period of a closed case ended: a data-protection reviewer must extend or dispose. */
public record RetentionReviewFellDue(String reference, Instant dueAt) implements CaseEvent {}
