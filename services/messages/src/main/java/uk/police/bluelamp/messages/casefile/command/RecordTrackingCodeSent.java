package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.UpdateChannel;

/** The citizen had their reference and tracking code sent to them (by EMAIL or SMS) through GOV.UK Notify. */
public record RecordTrackingCodeSent(
        @TargetAggregateIdentifier String reference, UpdateChannel channel, String notifyId, Instant at) {}
