package uk.police.bluelamp.app.limits;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.app.web.ProblemResponses;

/** The rate-limited routes (LimitedRoutes) say in the API document that they may answer 429. */
@Component
class RateLimitResponses implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        for (String pattern : LimitedRoutes.patterns()) {
            PathItem path = openApi.getPaths().get(pattern);
            if (path != null) {
                path.readOperations()
                        .forEach(operation -> ProblemResponses.add(
                                operation, "429", "Too many requests: wait as long as Retry-After says"));
            }
        }
    }
}
