package uk.police.bluelamp.audit.access;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.audit.event.ContactViewed;
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * The access log, for auditors to ask who viewed a case and what a person viewed. Viewing is
 * the most frequent thing staff do, so rows are gathered for the whole batch and copied in
 * at once when the batch commits (live and in a rebuild alike). A row PostgreSQL refuses would
 * fail that whole batch, which names no event; so the events of a batch whose copy failed, and
 * a dead letter being retried, are written one by one in their own handler, each in a savepoint
 * of its own, where a refusal parks that one event (docs/adr/0016).
 */
@Component
@ProcessingGroup(AccessLogProjection.PROCESSING_GROUP)
@ReadModel(tables = "access_log", deferUniqueIndexes = true)
class AccessLogProjection {

    static final String PROCESSING_GROUP = "access-log";
    private static final String PENDING = AccessLogProjection.class.getName() + ".pending";

    private static final int REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    /**
     * Events of a batch whose copy PostgreSQL refused, to write one by one when the batch comes
     * round again. In this node's memory only: forgotten, the copy fails once more and they are
     * remembered again.
     */
    private final Set<String> inFailedCopy =
            Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    AccessLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from access_log");
    }

    @EventHandler
    void on(CaseViewed event, @MessageIdentifier String id) {
        write(new String[] {
            id,
            event.at().toString(),
            event.viewer(),
            "CASE",
            event.reference(),
            event.reference(),
            event.view(),
            event.reason()
        });
    }

    @EventHandler
    void on(ContactViewed event, @MessageIdentifier String id) {
        write(new String[] {
            id, event.at().toString(), event.viewer(), "CONTACT", event.contactId(), null, event.view(), event.reason()
        });
    }

    private void write(String[] row) {
        boolean retried = CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
        if (retried || inFailedCopy.contains(row[0])) {
            insertAlone(row);
        } else {
            pending().add(row);
        }
    }

    private List<String[]> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<String[]> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> copyBatch(rows));
            return rows;
        });
    }

    /** In a savepoint of its own: a row PostgreSQL refuses is undone, so its event can be parked alone. */
    private void insertAlone(String[] row) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                insert(List.<String[]>of(row));
                connection.releaseSavepoint(savepoint);
                return null;
            } catch (RuntimeException refused) {
                connection.rollback(savepoint);
                throw ProjectionFailure.undone(refused);
            }
        });
    }

    private void copyBatch(List<String[]> rows) {
        try {
            insert(rows);
        } catch (RuntimeException refused) {
            rows.forEach(row -> inFailedCopy.add(row[0]));
            // Described without the rows: PostgreSQL quotes the one it refuses, reason and all.
            throw ProjectionFailure.of(refused);
        }
    }

    /**
     * The whole batch by COPY, PostgreSQL's bulk path. Each event is delivered once: a batch's
     * rows and its token commit together, and a rebuild starts from empty tables.
     */
    private void insert(List<String[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                text.append(column == 0 ? "" : "\t").append(copyValue(row[column]));
            }
            text.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy access_log (event_id, viewed_at, "
                                        + "viewer, subject_type, subject_id, reference, view, reason) from stdin",
                                new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("Could not copy the access log batch", e);
            }
        });
    }

    /** COPY's text format: backslash escapes, \N for null. */
    private static String copyValue(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
