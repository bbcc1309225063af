package uk.police.bluelamp.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.contact.ReportCategory;

/**
 * What a request schema must say for an integrator to build a valid request from it alone:
 * which fields are required, each field's type, and for text its bound (a length, a pattern,
 * a format or the list of values), with the values the server parses as enums listed as enums.
 */
final class RequestSchemaRules {

    /** Fields the server parses into these enums, wherever they appear in a public request. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_FIELDS = Map.of(
            "category", ReportCategory.class,
            "updateChannel", UpdateChannel.class,
            "updateFrequency", UpdateFrequency.class);

    private RequestSchemaRules() {}

    static List<String> gaps(String operation, JsonNode schema, JsonNode docs) {
        List<String> gaps = new ArrayList<>();
        if (!schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
            gaps.add(operation + ": the request body has no object schema: " + schema);
            return gaps;
        }
        JsonNode required = schema.path("required");
        // Where one of two fields will do (a case goes to a handler or a team), the schema
        // cannot require either, so it says that at least one must be there.
        boolean oneOfSeveral = schema.path("minProperties").asInt(0) > 0;
        if ((!required.isArray() || required.isEmpty()) && !oneOfSeveral) {
            gaps.add(operation + ": lists no required fields");
        }
        required.forEach(name -> {
            if (!schema.path("properties").has(name.asText())) {
                gaps.add(operation + ": requires " + name.asText() + ", which is not a property");
            }
        });
        schema.path("properties").fields().forEachRemaining(field -> {
            String where = operation + " " + field.getKey();
            JsonNode property = PublicContractTest.resolve(docs, field.getValue());
            String type = property.path("type").asText("");
            if (type.isEmpty()) {
                gaps.add(where + ": has no type");
            }
            if (type.equals("string")
                    && !(property.has("maxLength")
                            || property.has("enum")
                            || property.has("format")
                            || property.has("pattern"))) {
                gaps.add(where + ": text with no maxLength, enum, format or pattern");
            }
            if (property.has("enum")
                    && !(type.equals("string") && property.path("enum").size() > 0)) {
                gaps.add(where + ": an enum that is not a list of text values");
            }
            Class<? extends Enum<?>> parsedAs = ENUM_FIELDS.get(field.getKey());
            if (parsedAs != null && !values(property).equals(names(parsedAs))) {
                gaps.add(where + ": is parsed as " + parsedAs.getSimpleName() + " but lists " + values(property));
            }
        });
        return gaps;
    }

    private static List<String> values(JsonNode property) {
        return StreamSupport.stream(property.path("enum").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
