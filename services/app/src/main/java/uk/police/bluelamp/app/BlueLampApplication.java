package uk.police.bluelamp.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one deployable: every bounded context's module, wired together and served. */
@SpringBootApplication(scanBasePackages = "uk.police.bluelamp")
public class BlueLampApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlueLampApplication.class, args);
    }
}
