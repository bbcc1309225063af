package uk.police.bluelamp.audit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.platform.testing.PlatformTestConfiguration;

/**
 * The audit module alone on the platform: its beans, its migrations and its projection (the
 * access log) on a PostgreSQL of its own, without contact, casework or the app. Events reach it
 * as they do in the app, through the platform's chained storage and, to the access log, through
 * the catch-up source. All subclasses share one context.
 */
@SpringBootTest(
        classes = {PlatformTestConfiguration.class, AuditIntegrationTest.AuditModule.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.flyway.locations=classpath:db/migration/platform,classpath:db/migration/audit",
            // As every read model's processor in the app (application.yml).
            "axon.eventhandling.processors.access-log.mode=pooled",
            "axon.eventhandling.processors.access-log.source=catchUpSource",
            "axon.eventhandling.processors.access-log.initial-segment-count=1",
            "axon.eventhandling.processors.access-log.thread-count=1"
        })
public abstract class AuditIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("uk.police.bluelamp.audit")
    static class AuditModule {}
}
