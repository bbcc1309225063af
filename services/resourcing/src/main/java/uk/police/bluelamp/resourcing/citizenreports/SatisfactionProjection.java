package uk.police.bluelamp.resourcing.citizenreports;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Each satisfaction answer by the channel the citizen first used and the one that asked them:
 * no reference and no comment, so nothing here leads back to the person.
 */
@Component
@ProcessingGroup(SatisfactionProjection.PROCESSING_GROUP)
@ReadModel(tables = "satisfaction_fact", holdsPersonalData = false)
class SatisfactionProjection {

    static final String PROCESSING_GROUP = "satisfaction";

    private final JdbcClient jdbc;

    SatisfactionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from satisfaction_fact").update();
    }

    @EventHandler
    void on(SatisfactionGiven event, @MessageIdentifier String id) {
        jdbc.sql("""
                insert into satisfaction_fact (event_id, at, channel, asked_by, satisfaction)
                values (:id, :at, :channel, :askedBy, :satisfaction) on conflict (event_id) do nothing
                """)
                .param("id", id)
                .param("at", Timestamp.from(event.at()))
                .param(
                        "channel",
                        event.channel() == null ? "WEB" : event.channel().name())
                .param(
                        "askedBy",
                        event.askedBy() == null ? "ONLINE" : event.askedBy().name())
                .param("satisfaction", event.satisfaction().name())
                .update();
    }
}
