package uk.police.bluelamp.audit.access;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.audit.CaseViewed;
import uk.police.bluelamp.messages.audit.ContactViewed;

/**
 * The access log, for auditors to ask who viewed a case and what a person viewed. Viewing is
 * the most frequent thing staff do, so rows are gathered for the whole batch and inserted in
 * one JDBC batch when the batch commits (live and in a rebuild alike).
 */
@Component
@ProcessingGroup(AccessLogProjection.PROCESSING_GROUP)
class AccessLogProjection {

    static final String PROCESSING_GROUP = "access-log";
    private static final String PENDING = AccessLogProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    AccessLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from access_log");
    }

    @EventHandler
    void on(CaseViewed event, @MessageIdentifier String id) {
        pending().add(new Object[] {id, Timestamp.from(event.at()), event.viewer(), "CASE", event.reference(),
            event.reference(), event.view(), event.reason()});
    }

    @EventHandler
    void on(ContactViewed event, @MessageIdentifier String id) {
        pending().add(new Object[] {id, Timestamp.from(event.at()), event.viewer(), "CONTACT", event.contactId(),
            null, event.view(), event.reason()});
    }

    private List<Object[]> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Object[]> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> insert(rows));
            return rows;
        });
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("insert into access_log (event_id, viewed_at, viewer, subject_type, subject_id, reference, "
                + "view, reason) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing", rows);
    }
}
