package uk.police.bluelamp.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one deployable: every bounded context's module, wired together and served. */
@SpringBootApplication(scanBasePackages = "uk.police.bluelamp")
@ConfigurationPropertiesScan("uk.police.bluelamp")
@EnableScheduling
public class BlueLampApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlueLampApplication.class, args);
    }
}
