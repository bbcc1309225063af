package uk.police.bluelamp.platform.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.PropertySource;

/**
 * The shared infrastructure a module's integration test starts beside that module alone: a
 * PostgreSQL 17 of the test's own, migrated from the platform's folder and the module's
 * ({@code spring.flyway.locations}, which the module's test sets), Axon on it through the
 * platform's chained storage engine and personal-data serializer, and every platform bean.
 * A module's test names this and a configuration that scans its own package:
 * {@code @SpringBootTest(classes = {PlatformTestConfiguration.class, CaseworkModule.class})}.
 * What the module needs of another module it gets from a stub its test declares, never from
 * that module.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("uk.police.bluelamp")
@ComponentScan(
        basePackages = "uk.police.bluelamp.platform",
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "uk\\.police\\.bluelamp\\.platform\\.testing\\..*"))
@PropertySource("classpath:platform-test.properties")
public class PlatformTestConfiguration {

    /**
     * Unlike the app's, throwaway: zonky's defaults (no fsync) are what a test wants. As in the
     * app, Spring stops it after the pool, not zonky's own hook while processors still hold claims.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("module-test");
        return new HikariDataSource(config);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The app's comes with the actuator, which a module does not bring. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
