package uk.police.bluelamp.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * An answer's property that is not required is written as JSON null when it has no value
 * (Jackson's default), so the document says so: its type also allows null, and the generated
 * TypeScript reads {@code string | null} rather than pretending the key is merely absent.
 * Request schemas are left alone: there, an optional field is one the sender may leave out.
 */
@Component
class NullableAnswers implements GlobalOpenApiCustomizer {

    private static final String REF = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null || openApi.getPaths() == null) {
            return;
        }
        Set<String> requests = new HashSet<>();
        openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .map(Operation::getRequestBody)
                .filter(Objects::nonNull)
                .filter(body -> body.getContent() != null)
                .flatMap(body -> body.getContent().values().stream())
                .map(MediaType::getSchema)
                .filter(schema -> schema != null && schema.get$ref() != null)
                .forEach(schema -> requests.add(schema.get$ref().substring(REF.length())));
        schemas.forEach((name, schema) -> {
            if (requests.contains(name) || schema.getProperties() == null) {
                return;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((property, value) -> {
                Schema<?> type = (Schema<?>) value;
                if (!required.contains(property) && type.get$ref() == null && type.getTypes() != null) {
                    type.addType("null");
                }
            });
        });
    }
}
