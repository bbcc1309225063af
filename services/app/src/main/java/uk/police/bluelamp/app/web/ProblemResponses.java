package uk.police.bluelamp.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;

/**
 * The refusals every operation may answer, as problem details (RFC 9457) in the document, so a
 * client knows them before it meets them: 400 where the operation takes input (with
 * {@code errors} naming the fields), 404 where a path names a record, 409 where it changes
 * something (a clash the command gateway could not retry away: platform CommonErrors), and 428
 * where it logs a look at personal data without a reason ({@link AsksReason}). 429 is added for
 * the rate-limited routes in app/limits. An answer an operation documents itself is kept.
 */
@Component
public class ProblemResponses implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(p -> !"header".equals(p.getIn()))) {
            add(operation, "400", "The request was refused: errors names each field to fix");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            add(operation, "404", "There is no such record");
        }
        if (changes(handler)) {
            add(operation, "409", "It changed at the same moment, or cannot change from its present state");
        }
        if (handler.hasMethodAnnotation(AsksReason.class)) {
            operation.addParametersItem(new HeaderParameter()
                    .name(AccessLog.REASON_HEADER)
                    .description("Why the record is opened: required when it is not the viewer's own work")
                    .schema(new StringSchema().maxLength(AccessLog.LONGEST_REASON)));
            add(operation, "428", "Give a reason to open this record (reasonRequired is true)");
        }
        return operation;
    }

    /** Adds the problem answer, or types an answer the operation named without a body. */
    public static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponse existing = operation.getResponses().get(status);
        if (existing != null && typed(existing)) {
            return;
        }
        operation
                .getResponses()
                .addApiResponse(
                        status,
                        new ApiResponse()
                                .description(existing == null ? description : existing.getDescription())
                                .content(new Content()
                                        .addMediaType(
                                                PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static boolean typed(ApiResponse response) {
        if (response.getContent() == null) {
            return false;
        }
        return response.getContent().values().stream()
                .map(MediaType::getSchema)
                .anyMatch(schema -> schema != null
                        && (schema.get$ref() != null
                                || (schema.getProperties() != null
                                        && !schema.getProperties().isEmpty())));
    }

    private static boolean changes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null
                && Arrays.stream(mapping.method()).anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD);
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas("FieldError", fieldError()).addSchemas(PROBLEM, problem());
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One field of the request and what is wrong with it, worded for the sender")
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
    }

    private static Schema<?> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema().description("What to do, in the sender's words"));
        properties.put("instance", new StringSchema().format("uri"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("On a 400 that names fields: each field to fix"));
        properties.put("reasonRequired", new BooleanSchema().description("On a 428: a reason is needed"));
        return new ObjectSchema()
                .description("A refusal (RFC 9457)")
                .properties(properties)
                .required(List.of("title", "status"));
    }
}
