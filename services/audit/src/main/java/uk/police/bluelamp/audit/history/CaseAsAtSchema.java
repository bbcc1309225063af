package uk.police.bluelamp.audit.history;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The case as at a moment is the handler's case view (schema CaseView, casework's record,
 * which reaches this module as a query answer) with the moment added: described here as that
 * composition, so the contract types it without audit depending on casework's classes.
 */
@Component
class CaseAsAtSchema implements GlobalOpenApiCustomizer {

    static final String NAME = "CaseAsAt";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents()
                .addSchemas(
                        NAME,
                        new Schema<>()
                                .allOf(List.of(
                                        new Schema<>().$ref("#/components/schemas/CaseView"),
                                        new ObjectSchema()
                                                .addProperty("asOf", new DateTimeSchema())
                                                .required(List.of("asOf")))));
    }
}
