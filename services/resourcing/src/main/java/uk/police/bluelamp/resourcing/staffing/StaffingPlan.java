package uk.police.bluelamp.resourcing.staffing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.staffing.command.PlanHandlers;
import uk.police.bluelamp.messages.staffing.event.HandlersPlanned;

/**
 * The force's staffing plan: handlers on duty for each weekday and hour of a typical week, as
 * supervisors set it, so every change says who planned what and when. One aggregate for the
 * force; a change of a few hours now and then keeps its history short.
 */
@Aggregate
class StaffingPlan {

    /**
     * The force's one plan. Axon keys a stream by identifier alone, so this must differ from
     * every other aggregate's (the canned responses' library is "force").
     */
    static final String FORCE = "staffing-plan";

    static final int MAX_HANDLERS = 999;

    @AggregateIdentifier
    private String plan;

    /** Handlers planned by weekday ordinal × 24 + hour. */
    private final Map<Integer, Integer> planned = new HashMap<>();

    StaffingPlan() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanHandlers command) {
        if (command.day() == null
                || command.fromHour() < 0
                || command.toHour() > 24
                || command.fromHour() >= command.toHour()
                || command.handlers() < 0
                || command.handlers() > MAX_HANDLERS) {
            throw new IllegalArgumentException("A plan is a weekday, hours 0 to 24 in order and 0 to 999 handlers");
        }
        boolean changes = false;
        for (int hour = command.fromHour(); hour < command.toHour(); hour++) {
            changes |= !Integer.valueOf(command.handlers())
                    .equals(planned.get(key(command.day().ordinal(), hour)));
        }
        if (changes) {
            apply(new HandlersPlanned(
                    command.plan(),
                    command.day(),
                    command.fromHour(),
                    command.toHour(),
                    command.handlers(),
                    command.at()));
        }
    }

    @EventSourcingHandler
    void on(HandlersPlanned event) {
        plan = event.plan();
        for (int hour = event.fromHour(); hour < event.toHour(); hour++) {
            planned.put(key(event.day().ordinal(), hour), event.handlers());
        }
    }

    private static int key(int weekday, int hour) {
        return weekday * 24 + hour;
    }
}
