package db.migration.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import uk.police.bluelamp.platform.eventstore.EventChain;
import uk.police.bluelamp.platform.eventstore.EventSeal;

/**
 * Events stored before the chain existed are sealed once, in the order they were stored, so
 * the chain covers the whole log. Their who/how/when columns were copied by V7.
 * <p>
 * It lives with the chain it uses, in the platform module, but keeps the package of the audit
 * folder: Flyway records a Java migration's class name as its script, and the databases migrated
 * since ADR 0032 hold this one.
 */
public class V8__Seal_events_stored_before_the_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<EventSeal> unsealed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + EventSeal.COLUMNS
                        + " from domain_event_entry where chain_position is null order by global_index");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                unsealed.add(EventSeal.from(rows));
            }
        }
        EventChain.sealExisting(connection, unsealed);
    }
}
