package uk.police.bluelamp.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import db.migration.V8__Seal_events_stored_before_the_chain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.police.bluelamp.app.IntegrationTest;

/**
 * Each module keeps its migrations in a folder of its own (ADR 0032); until then every one was
 * in classpath:db/migration. A database migrated then holds the history below, which must
 * validate and start unchanged under the folders the app now lists.
 */
class MigrationLayoutTest extends IntegrationTest {

    /** version | description | type | script | checksum, as the single folder recorded them. */
    private static final List<String> HISTORY_OF_THE_SINGLE_FOLDER = List.of(
            "1 | axon event store | SQL | V1__axon_event_store.sql | -367423224",
            "2 | web reports | SQL | V2__web_reports.sql | 107985740",
            "3 | case tracking | SQL | V3__case_tracking.sql | 1497491200",
            "4 | contact centre | SQL | V4__contact_centre.sql | -693650473",
            "5 | case work | SQL | V5__case_work.sql | -1557946595",
            "6 | drop unread transcripts | SQL | V6__drop_unread_transcripts.sql | 1384703456",
            "7 | audit | SQL | V7__audit.sql | -252395983",
            "8 | Seal events stored before the chain | JDBC | db.migration.V8__Seal_events_stored_before_the_chain | null",
            "9 | personal data keys | SQL | V9__personal_data_keys.sql | 774705196",
            "10 | dead letter evictions | SQL | V10__dead_letter_evictions.sql | 475292932",
            "11 | holding events index | SQL | V11__holding_events_index.sql | -1814007728",
            "12 | tracking guesses per client | SQL | V12__tracking_guesses_per_client.sql | 1279190981",
            "13 | staff sessions | SQL | V13__staff_sessions.sql | 1441281295",
            "14 | rate limit buckets | SQL | V14__rate_limit_buckets.sql | -1926997363",
            "15 | node heartbeat | SQL | V15__node_heartbeat.sql | 1766014301",
            "16 | rebuild owners | SQL | V16__rebuild_owners.sql | -183418727",
            "17 | retention reviews | SQL | V17__retention_reviews.sql | -938809141",
            "19 | erasure of the person | SQL | V19__erasure_of_the_person.sql | 1089368188",
            "20 | queue rows without personal data | SQL | V20__queue_rows_without_personal_data.sql | -455980546");

    @Autowired
    private HikariDataSource dataSource;

    @Autowired
    private FlywayProperties flyway;

    @Test
    void aDatabaseMigratedFromTheSingleFolderValidatesAndStartsUnderTheModulesFolders() throws IOException {
        String database = "single_folder_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create database " + database).update();
        try {
            String url = dataSource.getJdbcUrl().replace("/postgres?", "/" + database + "?");
            Flyway.configure()
                    .dataSource(url, "postgres", null)
                    .locations("filesystem:" + singleFolder())
                    .javaMigrations(new V8__Seal_events_stored_before_the_chain())
                    .load()
                    .migrate();
            assertThat(history(url)).containsExactlyElementsOf(HISTORY_OF_THE_SINGLE_FOLDER);

            // Valid as it stands: every migration it ran has the same script and checksum under the
            // folders; only those written since are still to run.
            Flyway.configure()
                    .dataSource(url, "postgres", null)
                    .locations(flyway.getLocations().toArray(String[]::new))
                    .ignoreMigrationPatterns("*:pending")
                    .load()
                    .validate();
            Flyway modules = modulesFlyway(url);
            assertThat(modules.migrate().migrationsExecuted)
                    .as("only the migrations written since")
                    .isEqualTo(everySqlMigration().length
                            - singleFolderMigrations().size());
        } finally {
            jdbc.sql("drop database " + database + " with (force)").update();
        }
    }

    @Test
    void everyMigrationOnTheClasspathIsInAFolderTheAppLists() throws IOException {
        List<String> listed = Arrays.stream(
                        modulesFlyway(dataSource.getJdbcUrl()).info().all())
                .map(MigrationInfo::getScript)
                .map(script -> script.substring(script.lastIndexOf('/') + 1))
                .toList();
        assertThat(listed)
                .containsAll(Arrays.stream(everySqlMigration())
                        .map(Resource::getFilename)
                        .toList());
    }

    private Flyway modulesFlyway(String url) {
        return Flyway.configure()
                .dataSource(url, "postgres", null)
                .locations(flyway.getLocations().toArray(String[]::new))
                .load();
    }

    private static List<String> history(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""))
                .sql("select version, description, type, script, checksum from flyway_schema_history"
                        + " order by installed_rank")
                .query((row, n) -> String.join(
                        " | ",
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        String.valueOf(row.getObject(5))))
                .list();
    }

    /** The SQL migrations of every module that existed then, side by side in one folder again. */
    private static Path singleFolder() throws IOException {
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "single-folder-");
        for (Resource migration : singleFolderMigrations()) {
            try (InputStream in = migration.getInputStream()) {
                Files.copy(in, folder.resolve(migration.getFilename()));
            }
        }
        return folder;
    }

    /** Those written before the move to folders: V20 was the last. */
    private static List<Resource> singleFolderMigrations() throws IOException {
        return Arrays.stream(everySqlMigration())
                .filter(migration -> version(migration.getFilename()) <= LAST_IN_THE_SINGLE_FOLDER)
                .toList();
    }

    private static final int LAST_IN_THE_SINGLE_FOLDER = 20;

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static Resource[] everySqlMigration() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql");
    }
}
