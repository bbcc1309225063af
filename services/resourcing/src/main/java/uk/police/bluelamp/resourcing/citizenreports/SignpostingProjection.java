package uk.police.bluelamp.resourcing.citizenreports;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.signposting.event.CitizenSignposted;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/** The demand the force turned away to the right service, one row per signpost shown. */
@Component
@ProcessingGroup(SignpostingProjection.PROCESSING_GROUP)
@ReadModel(tables = "signposting_fact", holdsPersonalData = false)
class SignpostingProjection {

    static final String PROCESSING_GROUP = "signposting";

    private final JdbcClient jdbc;

    SignpostingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from signposting_fact").update();
    }

    @EventHandler
    void on(CitizenSignposted event, @MessageIdentifier String id) {
        jdbc.sql("""
                insert into signposting_fact (event_id, at, reason, channel) values (:id, :at, :reason, :channel)
                on conflict (event_id) do nothing
                """)
                .param("id", id)
                .param("at", Timestamp.from(event.at()))
                .param("reason", event.reason().name())
                .param("channel", event.channel().name())
                .update();
    }
}
