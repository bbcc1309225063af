package uk.police.bluelamp.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the API for the integrators who read /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI blueLampApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Blue Lamp API")
                        .version("v1")
                        .description("Non-emergency public contact: report online and track a case. "
                                + "Not for emergencies: call 999.")
                        .license(new License().name("Open source")));
    }
}
