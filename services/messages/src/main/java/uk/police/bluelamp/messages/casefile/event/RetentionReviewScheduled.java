package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;

/** A closed case will be reviewed for retention (MoPI) when its period for its category ends. */
public record RetentionReviewScheduled(String reference, String period, Instant reviewDueAt, Instant at)
        implements CaseEvent {}
