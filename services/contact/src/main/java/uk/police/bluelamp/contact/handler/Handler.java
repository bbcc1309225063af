package uk.police.bluelamp.contact.handler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;

/** A call handler's working state; created the first time they set their availability. */
@Aggregate
class Handler {

    @AggregateIdentifier
    private String handler;

    private Availability status = Availability.OFFLINE;

    Handler() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeAvailability command) {
        Objects.requireNonNull(command.status(), "status is required");
        if (handler != null && command.status() == status) {
            return;
        }
        apply(new HandlerAvailabilityChanged(command.handler(), command.status(), status, command.at()));
    }

    @EventSourcingHandler
    void on(HandlerAvailabilityChanged event) {
        handler = event.handler();
        status = event.status();
    }
}
