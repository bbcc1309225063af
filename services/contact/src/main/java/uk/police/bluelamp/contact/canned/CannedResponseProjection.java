package uk.police.bluelamp.contact.canned;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.canned.event.CannedResponseAdded;
import uk.police.bluelamp.messages.canned.event.CannedResponseEdited;
import uk.police.bluelamp.messages.canned.event.CannedResponseRemoved;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/** The canned responses a handler chooses from. No personal data: nothing here needs erasing. */
@Component
@ProcessingGroup("canned-responses")
@ReadModel(tables = "canned_response")
class CannedResponseProjection {

    private final JdbcClient jdbc;

    CannedResponseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from canned_response").update();
    }

    @EventHandler
    void on(CannedResponseAdded event) {
        save(event.responseId(), event.title(), event.text(), event.at());
    }

    @EventHandler
    void on(CannedResponseEdited event) {
        save(event.responseId(), event.title(), event.text(), event.at());
    }

    @EventHandler
    void on(CannedResponseRemoved event) {
        jdbc.sql("delete from canned_response where response_id = :id")
                .param("id", event.responseId())
                .update();
    }

    private void save(String id, String title, String text, Instant at) {
        jdbc.sql("""
                insert into canned_response (response_id, title, text, changed_at) values (:id, :title, :text, :at)
                on conflict (response_id) do update
                set title = excluded.title, text = excluded.text, changed_at = excluded.changed_at
                """)
                .param("id", id)
                .param("title", title)
                .param("text", text)
                .param("at", Timestamp.from(at))
                .update();
    }
}
