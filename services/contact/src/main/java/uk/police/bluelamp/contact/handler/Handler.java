package uk.police.bluelamp.contact.handler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.messages.handler.command.SetDisplayName;
import uk.police.bluelamp.messages.handler.command.SetHandlerSkills;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.messages.handler.event.HandlerDisplayNameSet;
import uk.police.bluelamp.messages.handler.event.HandlerSkillsSet;
import uk.police.bluelamp.platform.eventstore.AggregateSnapshots;

/**
 * A call handler's working state, the name citizens see and their skills; created the first
 * time any of them is set (a supervisor may give skills before the handler first signs in).
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
class Handler {

    @AggregateIdentifier
    private String handler;

    private Availability status = Availability.OFFLINE;
    private String displayName;
    private List<String> skills = List.of();

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

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetDisplayName command) {
        String name = command.displayName() == null || command.displayName().isBlank()
                ? null
                : command.displayName().strip();
        if (handler != null && Objects.equals(name, displayName)) {
            return;
        }
        apply(new HandlerDisplayNameSet(command.handler(), name, command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetHandlerSkills command) {
        Objects.requireNonNull(command.skills(), "skills are required");
        List<String> sorted = command.skills().stream().sorted().toList();
        if (handler != null && sorted.equals(skills)) {
            return;
        }
        apply(new HandlerSkillsSet(command.handler(), sorted, command.by(), command.at()));
    }

    @EventSourcingHandler
    void on(HandlerAvailabilityChanged event) {
        handler = event.handler();
        status = event.status();
    }

    @EventSourcingHandler
    void on(HandlerDisplayNameSet event) {
        handler = event.handler();
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(HandlerSkillsSet event) {
        handler = event.handler();
        skills = List.copyOf(event.skills());
    }
}
