package uk.police.bluelamp.contact;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.security.core.Authentication;
import uk.police.bluelamp.contact.live.SignIns;
import uk.police.bluelamp.platform.personaldata.DisposalErasure;
import uk.police.bluelamp.platform.testing.PlatformTestConfiguration;

/**
 * The contact module alone on the platform: its beans, its migrations and its projections on a
 * PostgreSQL of its own, without casework, audit or the app. All subclasses share one context.
 * The read models its tests read run pooled in two segments and claim every 2 s, as the app runs them.
 */
@SpringBootTest(
        classes = {PlatformTestConfiguration.class, ContactIntegrationTest.ContactModule.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.flyway.locations=classpath:db/migration/platform,classpath:db/migration/contact",
            "bluelamp.secrets.tracking-code-pepper=module-test-pepper",
            "axon.eventhandling.processors.queue.mode=pooled",
            "axon.eventhandling.processors.queue.token-claim-interval=2000",
            "axon.eventhandling.processors.queue.initial-segment-count=2",
            "axon.eventhandling.processors.contact-view.mode=pooled",
            "axon.eventhandling.processors.contact-view.token-claim-interval=2000",
            "axon.eventhandling.processors.contact-view.initial-segment-count=2"
        })
public abstract class ContactIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("uk.police.bluelamp.contact")
    static class ContactModule {

        /** The audit module carries out a disposal's erasure; here there is nothing to erase it with. */
        @Bean
        DisposalErasure noErasure() {
            return (stream, reason, reviewer) -> Optional.empty();
        }

        /** The app keeps staff sign-ins; here no one is signed in. */
        @Bean
        SignIns noSignIns() {
            return new SignIns() {
                @Override
                public Optional<Authentication> current(String httpSessionId) {
                    return Optional.empty();
                }

                @Override
                public void ended(String httpSessionId) {}
            };
        }

        /** The app's STOMP broker is not started: live pushes go nowhere (the app's tests follow them). */
        @Bean
        SimpMessagingTemplate noBroker() {
            return new SimpMessagingTemplate((message, timeout) -> true);
        }
    }
}
