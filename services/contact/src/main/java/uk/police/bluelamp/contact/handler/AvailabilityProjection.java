package uk.police.bluelamp.contact.handler;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.platform.readmodel.ReadModel;

@Component
@ProcessingGroup("handler-availability")
@ReadModel(tables = "handler_availability")
class AvailabilityProjection {

    private final JdbcClient jdbc;

    AvailabilityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from handler_availability").update();
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
}
