package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The victim consents to a referral to the named service, to be contacted by these details. */
public record RequestVictimSupportReferral(
        @TargetAggregateIdentifier String reference,
        String referralId,
        String service,
        String name,
        String email,
        String phone,
        Instant at) {

    /** Keeps the victim's details out of any log line that prints the command. */
    @Override
    public String toString() {
        return "RequestVictimSupportReferral[reference=" + reference + ", referralId=" + referralId + ", service="
                + service + ", details=[hidden], at=" + at + "]";
    }
}
