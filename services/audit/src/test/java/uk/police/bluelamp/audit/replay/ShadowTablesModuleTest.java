package uk.police.bluelamp.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.audit.AuditIntegrationTest;
import uk.police.bluelamp.platform.database.UnpooledConnections;

/**
 * A rebuild loads its copies with only the indexes its writes need: the unique ones its writes
 * name as conflict targets, and those the projection declares it looks rows up by. Without the
 * latter, every lookup of the Victims' Code ledger's rebuild read the whole copy (0.02 of the raw
 * read rate).
 */
class ShadowTablesModuleTest extends AuditIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void theCopiesKeepTheIndexesTheWritesLookUpByAndBuildTheOthersAfterTheLoad() throws Exception {
        // Not named as a run's copies ("rebuild_…"): with no run behind it, every node's heartbeat
        // would drop it as a crashed run's while the test reads it.
        String schema = "shadow_test_" + UUID.randomUUID().toString().replace("-", "");
        String table = "obligation_" + UUID.randomUUID().toString().substring(0, 8);
        // Shaped as the Victims' Code ledger is.
        jdbc.sql("create table " + table + " (obligation_id text primary key, reference text not null, "
                        + "arose_at timestamptz not null, due_at timestamptz not null, code_right text not null)")
                .update();
        jdbc.sql("create index " + table + "_due on " + table + " (due_at, code_right)")
                .update();
        jdbc.sql("create index " + table + "_reference on " + table + " (reference, arose_at)")
                .update();
        jdbc.sql("create unique index " + table + "_once on " + table + " (reference, code_right)")
                .update();
        // Beside the pool, as a rebuild's are: the copies' search_path must not go back into it.
        try (Connection connection =
                UnpooledConnections.open(dataSource, new Properties()).orElseThrow()) {
            ShadowTables shadow = new ShadowTables(
                    List.of(connection),
                    schema,
                    List.of(table),
                    false,
                    List.of(table + "_once"),
                    List.of(table + "_reference"));
            try {
                assertThat(indexes(schema))
                        .as("while loading")
                        .anyMatch(definition -> definition.contains("(reference, arose_at)"))
                        .noneMatch(definition -> definition.contains("(due_at, code_right)"))
                        .noneMatch(definition -> definition.contains("(reference, code_right)"))
                        .anyMatch(definition ->
                                definition.startsWith("CREATE UNIQUE INDEX") && definition.contains("(obligation_id)"));
                shadow.buildDeferredIndexes();
                assertThat(indexes(schema))
                        .as("after the load")
                        .anyMatch(definition -> definition.contains("(due_at, code_right)"))
                        .anyMatch(definition -> definition.startsWith("CREATE UNIQUE INDEX")
                                && definition.contains("(reference, code_right)"));
            } finally {
                connection.rollback();
            }
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
            jdbc.sql("drop table " + table).update();
        }
    }

    private List<String> indexes(String schema) {
        return jdbc.sql("select indexdef from pg_indexes where schemaname = :schema")
                .param("schema", schema)
                .query(String.class)
                .list();
    }
}
