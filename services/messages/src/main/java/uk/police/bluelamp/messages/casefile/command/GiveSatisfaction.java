package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.Satisfaction;

/** The citizen answers the satisfaction question they were asked; once only. */
public record GiveSatisfaction(
        @TargetAggregateIdentifier String reference,
        String requestId,
        Satisfaction satisfaction,
        String comment,
        Instant at) {

    @Override
    public String toString() {
        return "GiveSatisfaction[reference=" + reference + ", requestId=" + requestId + ", satisfaction=" + satisfaction
                + ", comment=[hidden], at=" + at + "]";
    }
}
