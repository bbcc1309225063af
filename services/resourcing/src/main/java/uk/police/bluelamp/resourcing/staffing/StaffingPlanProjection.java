package uk.police.bluelamp.resourcing.staffing;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.staffing.event.HandlersPlanned;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/** The staffing plan by weekday and hour, as the planning page reads it. Numbers only: nothing to erase. */
@Component
@ProcessingGroup(StaffingPlanProjection.PROCESSING_GROUP)
@ReadModel(tables = "staffing_plan", holdsPersonalData = false)
class StaffingPlanProjection {

    static final String PROCESSING_GROUP = "staffing-plan";

    private final JdbcClient jdbc;

    StaffingPlanProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from staffing_plan").update();
    }

    @EventHandler
    void on(HandlersPlanned event) {
        jdbc.sql("""
                        insert into staffing_plan (weekday, hour, handlers, changed_at)
                        select :weekday, hour, :handlers, :at from generate_series(:from, :to - 1) as hour
                        on conflict (weekday, hour) do update
                        set handlers = excluded.handlers, changed_at = excluded.changed_at
                        """)
                .param("weekday", event.day().ordinal())
                .param("handlers", event.handlers())
                .param("at", Timestamp.from(event.at()))
                .param("from", event.fromHour())
                .param("to", event.toHour())
                .update();
    }
}
