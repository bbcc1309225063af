package uk.police.bluelamp.contact.handler;

import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.messages.handler.event.HandlerDisplayNameSet;
import uk.police.bluelamp.messages.handler.event.HandlerSkillsSet;
import uk.police.bluelamp.platform.readmodel.ReadModel;

@Component
@ProcessingGroup("handler-availability")
@ReadModel(tables = {"handler_availability", "handler_profile", "handler_skill"})
class AvailabilityProjection {

    private final JdbcClient jdbc;

    AvailabilityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from handler_availability").update();
        jdbc.sql("delete from handler_profile").update();
        jdbc.sql("delete from handler_skill").update();
    }

    @EventHandler
    void on(HandlerAvailabilityChanged event) {
        jdbc.sql("""
                insert into handler_availability (handler, status, since) values (:handler, :status, :since)
                on conflict (handler) do update set status = excluded.status, since = excluded.since
                """)
                .param("handler", event.handler())
                .param("status", event.status().name())
                .param("since", Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(HandlerDisplayNameSet event) {
        jdbc.sql("""
                insert into handler_profile (handler, display_name) values (:handler, :name)
                on conflict (handler) do update set display_name = excluded.display_name
                """)
                .param("handler", event.handler())
                .param("name", event.displayName())
                .update();
    }

    /** The event holds the whole set, so a redelivery leaves the same rows. */
    @EventHandler
    void on(HandlerSkillsSet event) {
        jdbc.sql("delete from handler_skill where handler = :handler")
                .param("handler", event.handler())
                .update();
        for (String skill : List.copyOf(event.skills())) {
            jdbc.sql("insert into handler_skill (handler, skill) values (:handler, :skill) on conflict do nothing")
                    .param("handler", event.handler())
                    .param("skill", skill)
                    .update();
        }
    }
}
