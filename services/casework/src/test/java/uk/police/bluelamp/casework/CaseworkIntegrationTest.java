package uk.police.bluelamp.casework;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;
import uk.police.bluelamp.platform.testing.PlatformTestConfiguration;

/**
 * The casework module alone on the platform: its beans, its migrations and its projections on a
 * PostgreSQL of its own, without contact, audit or the app. All subclasses share one context.
 * The read models its tests read run pooled in two segments and claim every 2 s, as the app runs them.
 */
@SpringBootTest(
        classes = {PlatformTestConfiguration.class, CaseworkIntegrationTest.CaseworkModule.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.flyway.locations=classpath:db/migration/platform,classpath:db/migration/casework",
            "bluelamp.secrets.tracking-code-pepper=module-test-pepper",
            "axon.eventhandling.processors.case-tracking.mode=pooled",
            "axon.eventhandling.processors.case-tracking.token-claim-interval=2000",
            "axon.eventhandling.processors.case-tracking.initial-segment-count=2"
        })
public abstract class CaseworkIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    /** Referrals go to a local fake of the service; the retries are run by the tests themselves. */
    @DynamicPropertySource
    static void victimSupport(DynamicPropertyRegistry registry) {
        registry.add(
                "bluelamp.citizen-routes.victim-support.endpoint",
                () -> FakeVictimSupport.get().endpoint());
        registry.add("bluelamp.citizen-routes.victim-support.api-key", () -> FakeVictimSupport.API_KEY);
        registry.add("bluelamp.victim-support-referrals.first-retry", () -> "PT0S");
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("uk.police.bluelamp.casework")
    static class CaseworkModule {

        /** The audit module carries out a disposal's erasure; here there is nothing to erase it with. */
        @Bean
        DisposalErasure noErasure() {
            return (stream, reason, reviewer) -> Optional.empty();
        }
    }
}
