package uk.police.bluelamp.resourcing;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;
import uk.police.bluelamp.platform.testing.PlatformTestConfiguration;

/**
 * The resourcing module alone on the platform: its beans, its migrations and its projections on
 * a PostgreSQL of its own, fed with other contexts' events as they would store them. All
 * subclasses share one context.
 */
@SpringBootTest(
        classes = {PlatformTestConfiguration.class, ResourcingIntegrationTest.ResourcingModule.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.flyway.locations=classpath:db/migration/platform,classpath:db/migration/resourcing",
            "bluelamp.secrets.tracking-code-pepper=module-test-pepper"
        })
public abstract class ResourcingIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("uk.police.bluelamp.resourcing")
    static class ResourcingModule {

        /** The audit module carries out erasures; this module holds no personal data to erase. */
        @Bean
        DisposalErasure noErasure() {
            return (stream, reason, reviewer) -> Optional.empty();
        }
    }
}
