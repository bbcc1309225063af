package uk.police.bluelamp.platform.evidence;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The force's clamd when one is set. Without one, the demo profile gets a stand-in that is said
 * to be one at start; any other profile refuses every upload rather than keep an unscanned file.
 */
@Configuration(proxyBeanMethods = false)
class ScannerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ScannerConfiguration.class);

    @Bean
    VirusScanner virusScanner(
            @Value("${bluelamp.evidence.clamd.host:}") String host,
            @Value("${bluelamp.evidence.clamd.port:3310}") int port,
            @Value("${bluelamp.evidence.clamd.timeout:PT30S}") Duration timeout,
            Environment environment) {
        VirusScanner scanner;
        if (!host.isBlank()) {
            scanner = new ClamdScanner(host.strip(), port, timeout);
            LOG.info("Evidence uploads are scanned by {}", scanner.describe());
        } else if (environment.acceptsProfiles(Profiles.of("demo"))) {
            scanner = new DemoScanner();
            LOG.warn("Evidence uploads are checked by {}", scanner.describe());
        } else {
            scanner = new NoScanner();
            LOG.warn("Evidence uploads are refused: no virus scanner is set (bluelamp.evidence.clamd.host)");
        }
        return scanner;
    }

    /** Outside the demo, no clamd: nothing unscanned is kept, so nothing is taken. */
    static final class NoScanner implements VirusScanner {

        @Override
        public Scan start() {
            throw new ScannerUnavailable("No virus scanner is set (bluelamp.evidence.clamd.host)", null);
        }

        @Override
        public String describe() {
            return "none";
        }
    }
}
